package dev.vitrina.core.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesTheFiveSpecialCharactersAndNull() {
    assertThat(Html.escape("a<b & 'c' > \"d\""))
        .isEqualTo("a&lt;b &amp; &#39;c&#39; &gt; &quot;d&quot;");
    assertThat(Html.escape("plain")).isEqualTo("plain");
    assertThat(Html.escape(null)).isEmpty();
  }
}
