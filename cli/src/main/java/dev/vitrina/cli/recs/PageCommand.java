package dev.vitrina.cli.recs;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.cli.LibraryName;
import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.page.Page;
import dev.vitrina.recs.page.PageComposer;
import dev.vitrina.recs.page.PageHtml;
import dev.vitrina.recs.page.PageLayout;
import dev.vitrina.recs.request.Pipelines;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RequestState;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina recs page}: a page of carousels for a user. */
@Command(
    name = "page",
    mixinStandardHelpOptions = true,
    description = {
      "A page of carousels for a user from a model saved by 'recs train': which rows, in which",
      "order, which items in each, nothing twice in the visible area (page-wise greedy).",
      "A user unknown to the model, or none, gets a page of non-personal rows, said so.",
      "Example: vitrina recs page --model out/recs/ials --user 196 --rows 10 --cols 10 --html page.html"
    })
final class PageCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "Model directory ('recs train').")
  Path model;

  @Option(names = "--user", description = "External user id (omit for an anonymous page).")
  String user;

  @LibraryName("rows")
  @Option(names = "--rows", defaultValue = "10", description = "Rows. Default: ${DEFAULT-VALUE}.")
  int rows;

  @LibraryName("cols")
  @Option(
      names = "--cols",
      defaultValue = "10",
      description = "Items per row. Default: ${DEFAULT-VALUE}.")
  int cols;

  @LibraryName("visibleRows")
  @Option(
      names = "--visible-rows",
      description = "Rows in the visible area (no repeats there). Default: all rows.")
  Integer visibleRows;

  @LibraryName("visibleCols")
  @Option(
      names = "--visible-cols",
      description = "Items per row in the visible area. Default: all items.")
  Integer visibleCols;

  @LibraryName("maxRowsPerGenerator")
  @Option(
      names = "--max-rows-per-generator",
      defaultValue = "3",
      description = "At most this many rows of one kind. Default: ${DEFAULT-VALUE}.")
  int maxPerGenerator;

  @LibraryName("minCategories")
  @Option(
      names = "--min-categories",
      defaultValue = "3",
      description = "Distinct categories wanted in view (best effort). Default: ${DEFAULT-VALUE}.")
  int minCategories;

  @Option(
      names = "--policy",
      defaultValue = "page_greedy",
      description = "page_greedy, row_independent or flat. Default: ${DEFAULT-VALUE}.")
  String policy;

  @Mixin LocationOptions where;

  @Option(names = "--html", description = "Also write the page as HTML to this file.")
  Path html;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    PageComposer.Policy p;
    try {
      p = PageComposer.Policy.valueOf(policy.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          "policy", "'" + policy + "' is not a policy; use page_greedy, row_independent or flat");
    }
    PageLayout layout =
        new PageLayout(
            rows,
            cols,
            visibleRows == null ? rows : visibleRows,
            visibleCols == null ? cols : visibleCols,
            maxPerGenerator,
            minCategories,
            1,
            1);
    GeoPoint at = where.point();
    Recommender m = RecsModels.load(model);
    RequestState state =
        Pipelines.standard(m)
            .resolve(new RecRequest(user, cols, Set.of(), at, null, null, null, false));
    Page page = PageComposer.standard().compose(state, layout, p).page();
    if (page.rows().isEmpty()) {
      throw new IllegalArgumentException(
          "no row could be filled for "
              + (user == null ? "an anonymous user" : "user '" + user + "'")
              + ": the model has no item left to show");
    }
    if (html != null) {
      AtomicWrite.writeString(html, PageHtml.render(page));
    }
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "page for %s, model %s, %s: %d rows, %d duplicates in view, %d categories in view%n",
            user == null ? "an anonymous user" : "user " + user,
            page.model(),
            page.policy(),
            page.rows().size(),
            page.duplicatesInView(),
            page.categoriesInView()));
    for (Page.PageRow r : page.rows()) {
      text.append(String.format(Locale.ROOT, "%-40s", r.title()));
      for (Page.PageItem it : r.items()) {
        text.append(' ').append(it.item());
      }
      text.append('\n');
    }
    if (html != null) {
      text.append("html: ").append(html).append('\n');
    }
    json.print(page, text.toString().stripTrailing());
    return 0;
  }
}
