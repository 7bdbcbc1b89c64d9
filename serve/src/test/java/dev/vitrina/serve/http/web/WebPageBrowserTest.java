package dev.vitrina.serve.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser contract against a tiny stand-in server: the page's assets from the class path and
 * canned JSON (fixtures/) for the routes the page calls, in the shapes of the real routes.
 */
class WebPageBrowserTest extends WebPageBrowserContract {

  private static final String WEB = "/dev/vitrina/serve/http/web/";
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Override
  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  String expectedVariant() {
    return "treatment";
  }

  @Test
  void showsTheServersErrorMessages() {
    driver.get(base().toString());
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(d -> d.findElements(By.cssSelector("#user-select option")).size() > 1);
    driver.findElement(By.id("user-input")).sendKeys("bad");
    driver.findElement(By.id("load")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(driver.findElement(By.id("error")).getText())
        .contains("400")
        .contains("user=bad: is not a known user id; pick one from /v1/users");
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/v1/page") && "user=bad".equals(ex.getRequestURI().getQuery())) {
      byte[] body =
          ("{\"errors\":[{\"parameter\":\"user\",\"value\":\"bad\","
                  + "\"message\":\"is not a known user id; pick one from /v1/users\"}]}")
              .getBytes();
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(400, body.length);
      ex.getResponseBody().write(body);
      ex.close();
      return;
    }
    String resource =
        switch (path) {
          case "/" -> WEB + "index.html";
          case "/v1/users" -> WEB + "fixtures/users.json";
          case "/v1/places" -> WEB + "fixtures/places.json";
          case "/v1/page" -> WEB + "fixtures/page.json";
          case "/v1/recommendations" -> WEB + "fixtures/recommendations.json";
          default -> WEB + path.substring(1);
        };
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      if (in == null || path.contains("..")) {
        byte[] body =
            ("{\"errors\":[{\"parameter\":\"path\",\"value\":\""
                    + path
                    + "\","
                    + "\"message\":\"no such route\"}]}")
                .getBytes();
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(404, body.length);
        ex.getResponseBody().write(body);
      } else {
        byte[] body = in.readAllBytes();
        ex.getResponseHeaders().set("Content-Type", contentType(resource));
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
      }
    }
    ex.close();
  }

  private static String contentType(String resource) {
    if (resource.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (resource.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (resource.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "application/json";
  }
}
