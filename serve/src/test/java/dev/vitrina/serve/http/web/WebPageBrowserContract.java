package dev.vitrina.serve.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in headless Chromium against a server given by {@link #base()}: pick a user, see the
 * carousels, click an item, see its trigger feed with that item first and the A/B variant badge.
 * Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent.
 */
abstract class WebPageBrowserContract {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  ChromeDriver driver;

  /** The server's base URL, e.g. {@code http://127.0.0.1:PORT/}. */
  abstract URI base();

  /** The variant the page must show for the user it picks, or null for any non-empty one. */
  abstract String expectedVariant();

  /** The file name of the screenshot written under {@code target/}. */
  String screenshot() {
    return "serving-page.png";
  }

  @BeforeEach
  void startBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      System.out.println("browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " absent");
    }
    assumeTrue(
        present, "chromium or chromedriver absent (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void pickUserSeeCarouselsOpenTriggerFeed() throws Exception {
    driver.get(base().toString());
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(d -> d.findElements(By.cssSelector("#user-select option")).size() > 1);
    new Select(driver.findElement(By.id("user-select"))).selectByIndex(1);

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=row]")));
    List<WebElement> titles = driver.findElements(By.cssSelector("[data-testid=row-title]"));
    assertThat(titles).isNotEmpty();
    assertThat(titles.get(0).getText()).isNotBlank();
    assertThat(driver.findElement(By.cssSelector("[data-testid=row-reason]")).getText())
        .isNotBlank();

    WebElement first = driver.findElement(By.cssSelector("#page [data-testid=item-card]"));
    String item = first.getAttribute("data-item");
    first.click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feed")));
    List<WebElement> feed = driver.findElements(By.cssSelector("#feed [data-testid=item-card]"));
    assertThat(feed.size()).isGreaterThan(1);
    assertThat(feed.get(0).getAttribute("data-item")).isEqualTo(item);
    assertThat(driver.findElements(By.cssSelector("#feed [data-testid=reason]"))).isNotEmpty();

    WebElement badge = driver.findElement(By.id("variant"));
    assertThat(badge.isDisplayed()).isTrue();
    if (expectedVariant() != null) {
      assertThat(badge.getText()).contains(expectedVariant());
    }
    assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();

    Path png = Path.of("target", screenshot());
    Files.createDirectories(png.getParent());
    Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
  }
}
