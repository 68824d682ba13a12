package org.bigdatalab.guide;

/** Runs a chapter program the way the renderer does and returns what it printed. */
final class GuideTesting {
  private GuideTesting() {}

  static String output(GuideRenderer.ChapterProgram program) {
    return GuideRenderer.capture(new GuideRenderer.Program("test", program), null);
  }
}
