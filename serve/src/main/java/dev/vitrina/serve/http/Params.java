package dev.vitrina.serve.http;

import io.javalin.http.Context;
import java.util.Set;

/** Reads query parameters, collecting every problem instead of stopping at the first. */
final class Params {
  private final Context ctx;
  private final BadRequest.Collector bad = new BadRequest.Collector();

  Params(Context ctx, Set<String> known) {
    this.ctx = ctx;
    for (String name : ctx.queryParamMap().keySet()) {
      if (!known.contains(name)) {
        bad.add(name, ctx.queryParam(name), "is not a parameter of this route; use " + known);
      }
    }
  }

  String string(String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  String required(String name) {
    String v = string(name);
    if (v == null) {
      bad.add(name, null, "is required");
    }
    return v;
  }

  int integer(String name, int dflt, int min, int max) {
    String v = string(name);
    if (v == null) {
      return dflt;
    }
    try {
      int x = Integer.parseInt(v);
      if (x < min || x > max) {
        bad.add(name, v, "must be between " + min + " and " + max);
        return dflt;
      }
      return x;
    } catch (NumberFormatException e) {
      bad.add(name, v, "must be an integer between " + min + " and " + max);
      return dflt;
    }
  }

  Double decimal(String name, double min, double max) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    try {
      double x = Double.parseDouble(v);
      if (!(x >= min && x <= max)) {
        bad.add(name, v, "must be a number between " + min + " and " + max);
        return null;
      }
      return x;
    } catch (NumberFormatException e) {
      bad.add(name, v, "must be a number between " + min + " and " + max);
      return null;
    }
  }

  boolean flag(String name) {
    String v = string(name);
    if (v == null) {
      return false;
    }
    if (v.equals("true") || v.equals("1")) {
      return true;
    }
    if (!v.equals("false") && !v.equals("0")) {
      bad.add(name, v, "must be true or false");
    }
    return false;
  }

  void problem(String name, String value, String message) {
    bad.add(name, value, message);
  }

  /** Throws a {@link BadRequest} listing every problem seen so far. */
  void check() {
    bad.throwIfAny();
  }
}
