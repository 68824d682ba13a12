package org.bigdatalab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client: load a
 * page, collect what its console and log report as errors, evaluate an expression, save a
 * screenshot of the page (its first 6,000 pixels: the long tables below add nothing to look at). No browser-automation library: the protocol is a few JSON messages.
 */
final class HeadlessChromium implements AutoCloseable {
  /** Debian's packages: {@code chromium-headless-shell} (the smaller) and {@code chromium}. */
  private static final List<String> BINARIES = List.of("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome");
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  /** The browser on the PATH, if any. */
  static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return BINARIES.stream().flatMap(name -> Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable).findFirst();
  }

  HeadlessChromium(Path binary, Path profile) throws Exception {
    process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--remote-debugging-port=0", "--window-size=1280,1000", "--hide-scrollbars", "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserUrl = null;
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    for (String line; browserUrl == null && (line = err.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        browserUrl = m.group(1);
      }
    }
    if (browserUrl == null) {
      throw new IOException(binary + " exited without a DevTools endpoint (exit " + process.waitFor() + ")");
    }
    Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    URI http = URI.create(browserUrl.replaceFirst("^ws://([^/]+)/.*", "http://$1/json/list"));
    HttpClient client = HttpClient.newHttpClient();
    JsonNode targets = JSON.readTree(client.send(HttpRequest.newBuilder(http).build(), HttpResponse.BodyHandlers.ofString()).body());
    String pageUrl = null;
    for (JsonNode t : targets) {
      if (t.path("type").asText().equals("page")) {
        pageUrl = t.path("webSocketDebuggerUrl").asText();
      }
    }
    if (pageUrl == null) {
      throw new IOException("no page target in " + targets);
    }
    socket = client.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).get(30, TimeUnit.SECONDS);
    call("Runtime.enable", null);
    call("Log.enable", null);
    call("Page.enable", null);
  }

  /** What one loaded page showed: the errors its console and log reported, and the value of {@code expression}. */
  record Visit(List<String> errors, JsonNode value) {}

  /** Loads {@code page}, waits for its load event, evaluates {@code expression} and saves a screenshot of up to 6,000 pixels of it. */
  Visit visit(Path page, String expression, Path screenshot) throws Exception {
    events.clear();
    CompletableFuture<JsonNode> loaded = event("Page.loadEventFired");
    call("Page.navigate", JSON.createObjectNode().put("url", page.toUri().toString()));
    loaded.get(60, TimeUnit.SECONDS);
    JsonNode value = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true))
        .path("result").path("value");
    JsonNode size = call("Page.getLayoutMetrics", null).path("cssContentSize");
    ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("scale", 1)
        .put("width", Math.max(800, size.path("width").asDouble())).put("height", Math.min(6000, size.path("height").asDouble()));
    ObjectNode shot = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
    shot.set("clip", clip);
    byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", shot).path("data").asText());
    Files.createDirectories(screenshot.toAbsolutePath().getParent());
    Files.write(screenshot, png);
    List<String> errors = new ArrayList<>();
    for (JsonNode e : events) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      if (method.equals("Runtime.exceptionThrown")) {
        errors.add("exception: " + p.path("exceptionDetails").path("text").asText() + " " + p.path("exceptionDetails").path("exception")
            .path("description").asText());
      } else if (method.equals("Runtime.consoleAPICalled") && List.of("error", "assert").contains(p.path("type").asText())) {
        errors.add("console." + p.path("type").asText() + ": " + p.path("args"));
      } else if (method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
        errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
      }
    }
    return new Visit(errors, value);
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = answer.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IOException(method + ": " + reply.get("error"));
    }
    return reply.path("result");
  }

  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();

  private CompletableFuture<JsonNode> event(String method) {
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    awaited.put(method, f);
    return f;
  }

  /** Collects text frames into messages: replies complete their call, events are kept. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          if (message.has("id")) {
            Optional.ofNullable(pending.remove(message.get("id").asInt())).ifPresent(f -> f.complete(message));
          } else {
            events.add(message);
            Optional.ofNullable(awaited.remove(message.path("method").asText())).ifPresent(f -> f.complete(message));
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser is stopped below either way
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
