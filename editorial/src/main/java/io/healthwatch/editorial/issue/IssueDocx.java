package io.healthwatch.editorial.issue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * The issue as a Word document in the seed reports' layout: the title, the issue number, the
 * organisation and the date centred; 本期导语; 一、信息目录 with each title and source; 二、具体内容 with each
 * article's 标题, 来源, 链接 (a hyperlink where it is http or https) and 主要内容. Built from the same {@link
 * IssueLayout} as the HTML, so the two say the same thing in the same order.
 */
public final class IssueDocx {
  /** The reports' typeface names; a reader without them substitutes its own Chinese font. */
  private static final String HEADING_FONT = "黑体";

  private static final String BODY_FONT = "宋体";
  private static final String RED = "B22222";

  public byte[] render(IssueLayout issue) throws IOException {
    try (var doc = new XWPFDocument();
        var out = new ByteArrayOutputStream(64 * 1024)) {
      doc.getProperties().getCoreProperties().setTitle(issue.title() + " " + issue.numberText());
      doc.getProperties().getCoreProperties().setCreator(issue.organisation());
      centred(doc, issue.title(), 22, true, RED, HEADING_FONT);
      centred(doc, "(" + issue.numberText() + ")", 16, false, null, HEADING_FONT);
      centred(doc, issue.organisation(), 14, false, null, BODY_FONT);
      centred(doc, issue.dateText(), 14, false, null, BODY_FONT);

      heading(doc, "本期导语:");
      text(
          doc,
          "本期周报共收集"
              + issue.count()
              + "篇"
              + issue.subject()
              + "，时间从"
              + issue.windowStartText()
              + "到"
              + issue.windowEndText()
              + "，"
              + issue.scope()
              + "。",
          true);

      heading(doc, "一、信息目录");
      for (var a : issue.articles()) {
        var entry = doc.createParagraph();
        run(entry, a.position() + ". " + a.title(), 12, true, null, BODY_FONT);
        run(entry, " (" + a.source() + ")", 12, false, "555555", BODY_FONT);
      }

      heading(doc, "二、具体内容");
      for (var a : issue.articles()) {
        var title = doc.createParagraph();
        title.setSpacingBefore(240);
        run(title, a.position() + ". 标题：" + a.title(), 13, true, null, HEADING_FONT);
        text(doc, "来源：" + a.source(), false);
        var link = doc.createParagraph();
        run(link, "链接：", 12, false, null, BODY_FONT);
        if (a.webLink()) {
          XWPFRun anchor = link.createHyperlinkRun(a.url());
          anchor.setText(a.url());
          anchor.setColor("0B5CAD");
          anchor.setUnderline(UnderlinePatterns.SINGLE);
          anchor.setFontSize(12);
        } else {
          run(link, a.url(), 12, false, null, BODY_FONT);
        }
        var label = doc.createParagraph();
        run(label, "主要内容：", 12, true, null, BODY_FONT);
        for (String paragraph : a.paragraphs()) {
          text(doc, paragraph, true);
        }
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static void centred(
      XWPFDocument doc, String text, int size, boolean bold, String color, String font) {
    var p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, text, size, bold, color, font);
  }

  private static void heading(XWPFDocument doc, String text) {
    var p = doc.createParagraph();
    p.setSpacingBefore(360);
    p.setSpacingAfter(120);
    run(p, text, 15, true, RED, HEADING_FONT);
  }

  /** A body paragraph; {@code indent} gives it the reports' two-character first-line indent. */
  private static void text(XWPFDocument doc, String text, boolean indent) {
    var p = doc.createParagraph();
    if (indent) {
      p.setIndentationFirstLine(480);
    }
    run(p, text, 12, false, null, BODY_FONT);
  }

  private static void run(
      XWPFParagraph p, String text, int size, boolean bold, String color, String font) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setFontSize(size);
    r.setBold(bold);
    if (color != null) {
      r.setColor(color);
    }
    r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
    r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
  }
}
