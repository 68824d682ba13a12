package org.bigdatalab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the study guide teaches each clause: the guide's chapters cite clause ids in their text, so
 * reading the chapters' AsciiDoc (on the class path, from the guide module) gives, for each id, the
 * sections that cite it, with the anchor the rendered guide uses ({@code [[combiner]]}, or
 * Asciidoctor's generated {@code _the_combiner_counted} where a section names none).
 */
final class GuideSections {
  private static final String ROOT = "/guide-src/asciidoc/";
  private static final Pattern INCLUDE = Pattern.compile("^include::([\\w.-]+\\.adoc)\\[\\]");
  private static final Pattern ANCHOR = Pattern.compile("^\\[(?:\\[([\\w-]+)(?:,[^\\]]*)?\\]|#([\\w-]+)[^\\]]*)\\]\\s*$");
  private static final Pattern HEADING = Pattern.compile("^(={2,4}) (.+)$");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:\\.[a-z0-9][a-z0-9-]*)+");

  /** A section of the guide: its chapter's title, its own, and its anchor in {@code guide/index.html}. */
  record Section(String chapter, String title, String anchor, int chapterIndex) {
    String href() {
      return "guide/index.html#" + anchor;
    }
  }

  private GuideSections() {}

  /** For each of {@code clauseIds} the guide cites, the sections citing it, chapter 1's (the spec's own examples) last. */
  static Map<String, List<Section>> cited(Set<String> clauseIds) throws IOException {
    Map<String, List<Section>> cited = new LinkedHashMap<>();
    String indexAdoc = read("index.adoc");
    if (indexAdoc == null) {
      return cited; // the guide is not on the class path: no links, the page says so
    }
    List<String> chapters = new ArrayList<>();
    for (String line : indexAdoc.split("\\R")) {
      Matcher include = INCLUDE.matcher(line.strip());
      if (include.find()) {
        chapters.add(include.group(1));
      }
    }
    for (int index = 0; index < chapters.size(); index++) {
      String chapter = chapters.get(index);
      String text = read(chapter);
      if (text == null) {
        continue;
      }
      String pendingAnchor = null;
      String chapterTitle = chapter;
      Section section = null;
      for (String line : text.split("\\R")) {
        Matcher anchor = ANCHOR.matcher(line);
        Matcher heading = HEADING.matcher(line);
        if (anchor.matches()) {
          pendingAnchor = anchor.group(1) != null ? anchor.group(1) : anchor.group(2);
        } else if (heading.matches()) {
          String title = heading.group(2).strip();
          if (heading.group(1).length() == 2) {
            chapterTitle = title;
          }
          section = new Section(chapterTitle, title, pendingAnchor != null ? pendingAnchor : generatedId(title), index);
          pendingAnchor = null;
        } else if (section != null) {
          Matcher id = ID.matcher(line);
          while (id.find()) {
            if (clauseIds.contains(id.group())) {
              List<Section> sections = cited.computeIfAbsent(id.group(), k -> new ArrayList<>());
              if (!sections.contains(section)) {
                sections.add(section);
              }
            }
          }
        }
      }
    }
    // Chapter 1 cites clauses as examples of how the spec works; the chapter of the clause's own topic teaches it.
    cited.values().forEach(list -> list.sort(java.util.Comparator.comparing(s -> s.chapterIndex() == 0)));
    return cited;
  }

  /** Asciidoctor's id for a section without an explicit anchor: idprefix "_", idseparator "_". */
  static String generatedId(String title) {
    String plain = title.replaceAll("<[^>]+>", "").replaceAll("[`*_+#]", "").replaceAll("&[a-z]+;", "").toLowerCase();
    String id = "_" + plain.replaceAll("[^\\p{L}\\p{N}.\\-]+", "_");
    id = id.replaceAll("_+", "_");
    return id.endsWith("_") ? id.substring(0, id.length() - 1) : id;
  }

  private static String read(String file) throws IOException {
    try (InputStream in = GuideSections.class.getResourceAsStream(ROOT + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
