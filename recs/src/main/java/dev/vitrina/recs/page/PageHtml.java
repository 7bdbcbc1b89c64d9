package dev.vitrina.recs.page;

import dev.vitrina.core.html.Html;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link Page} as a self-contained HTML document (no scripts, no external files). */
public final class PageHtml {

  private PageHtml() {}

  /**
   * The page as HTML: one horizontal row of cards per carousel, the row's reason under its title.
   */
  public static String render(Page page) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>vitrina page for ")
        .append(Html.escape(page.user() == null ? "an anonymous user" : "user " + page.user()))
        .append("</title><style>")
        .append(
            "body{font-family:system-ui,sans-serif;margin:1.5rem;background:#fafafa;color:#222}")
        .append("h1{font-size:1.3rem}h2{font-size:1.05rem;margin:1.2rem 0 .2rem}")
        .append(".why{color:#666;font-size:.8rem;margin-bottom:.4rem}")
        .append(".row{display:flex;gap:.5rem;overflow-x:auto}")
        .append(".card{flex:0 0 9rem;background:#fff;border:1px solid #ddd;border-radius:6px;")
        .append("padding:.5rem;font-size:.8rem}")
        .append(".bar{height:4px;background:#3b82f6;border-radius:2px;margin-top:.4rem}")
        .append(".meta{color:#888;font-size:.75rem}</style></head><body>");
    sb.append("<h1>")
        .append(Html.escape(page.user() == null ? "Anonymous user" : "User " + page.user()))
        .append("</h1><p class=\"meta\">")
        .append(
            Html.escape(
                String.format(
                    Locale.ROOT,
                    "model %s, policy %s, %s rows, %d duplicates in view, %d categories in view%s",
                    page.model(),
                    page.policy(),
                    page.rows().size(),
                    page.duplicatesInView(),
                    page.categoriesInView(),
                    page.personal() ? "" : "; non-personal rows (no history)")))
        .append("</p>");
    for (Page.PageRow row : page.rows()) {
      sb.append("<h2>").append(Html.escape(row.title())).append("</h2><div class=\"why\">");
      sb.append(
          Html.escape(
              row.reason().kind()
                  + row.reason().detail().entrySet().stream()
                      .map(e -> e.getKey() + ": " + e.getValue())
                      .collect(Collectors.joining(", ", " (", ")"))));
      sb.append("</div><div class=\"row\">");
      for (Page.PageItem it : row.items()) {
        sb.append("<div class=\"card\"><div>")
            .append(Html.escape(it.title() == null ? it.item() : it.title()))
            .append("</div><div class=\"meta\">")
            .append(Html.escape(it.item()))
            .append("</div><div class=\"bar\" style=\"width:")
            .append(String.format(Locale.ROOT, "%.0f", 100 * it.relevance()))
            .append("%\" title=\"relevance\"></div></div>");
      }
      sb.append("</div>");
    }
    return sb.append("</body></html>\n").toString();
  }
}
