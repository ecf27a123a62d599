package dev.tributary.connectors.facebook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A small Graph API for job tests, answering in the documented shapes: {@code POST
 * /v23.0/act_<id>/insights} starts a report run ({@code report_run_id} r1, r2, ...), {@code GET
 * /v23.0/<run>} says "Job Running" once and then "Job Completed", and {@code GET
 * /v23.0/<run>/insights?limit=&after=} pages through one row per day of the run's {@code
 * time_range} (campaign 7, {@code impressions} = 100 × the day of the month) by cursor {@code
 * c<n>}. Requests are recorded and failures can be scripted.
 */
final class FakeGraphApi extends Dispatcher {
  record Run(LocalDate since, LocalDate until, AtomicInteger polls) {}

  final Map<String, Run> runs = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> timeRanges = new CopyOnWriteArrayList<>();
  volatile Function<RecordedRequest, MockResponse> override = r -> null;

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request.getMethod() + " " + request.getTarget());
    MockResponse scripted = override.apply(request);
    if (scripted != null) {
      return scripted;
    }
    List<String> path = request.getUrl().pathSegments();
    if (request.getMethod().equals("POST") && path.size() == 3) {
      Map<String, String> form = FacebookFixture.form(request.getBody().utf8());
      String range = form.get("time_range");
      timeRanges.add(range);
      String id = "r" + (runs.size() + 1);
      runs.put(
          id,
          new Run(
              LocalDate.parse(range.substring(10, 20)),
              LocalDate.parse(range.substring(31, 41)),
              new AtomicInteger()));
      return FacebookFixture.json(200, "{\"report_run_id\":\"" + id + "\"}");
    }
    if (path.size() == 2 && path.get(1).startsWith("act_")) {
      return FacebookFixture.json(200, FacebookFixture.fixture("account.json"));
    }
    Run run = runs.get(path.get(1));
    if (run == null) {
      return FacebookFixture.json(400, FacebookFixture.fixture("error-unknown-report.json"));
    }
    if (path.size() == 2) {
      boolean done = run.polls().getAndIncrement() > 0;
      return FacebookFixture.json(
          200,
          "{\"id\":\""
              + path.get(1)
              + "\",\"async_status\":\""
              + (done ? "Job Completed" : "Job Running")
              + "\",\"async_percent_completion\":"
              + (done ? 100 : 30)
              + "}");
    }
    return rows(run, request.getUrl());
  }

  private static MockResponse rows(Run run, HttpUrl url) {
    int limit = Integer.parseInt(url.queryParameter("limit"));
    String after = url.queryParameter("after");
    int from = after == null ? 0 : Integer.parseInt(after.substring(1));
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = run.since(); !d.isAfter(run.until()); d = d.plusDays(1)) {
      days.add(d);
    }
    int to = Math.min(from + limit, days.size());
    StringBuilder body = new StringBuilder("{\"data\":[");
    for (int i = from; i < to; i++) {
      LocalDate day = days.get(i);
      body.append(i == from ? "" : ",")
          .append("{\"impressions\":\"")
          .append(100 * day.getDayOfMonth())
          .append("\",\"account_id\":\"1234567890\",\"campaign_id\":\"7\",")
          .append("\"account_currency\":\"EUR\",\"date_start\":\"")
          .append(day)
          .append("\",\"date_stop\":\"")
          .append(day)
          .append("\"}");
    }
    body.append("],\"paging\":{\"cursors\":{\"after\":\"c").append(to).append("\"}");
    if (to < days.size()) {
      body.append(",\"next\":\"https://graph.facebook.com/next?after=c").append(to).append("\"");
    }
    body.append("}}");
    return FacebookFixture.json(200, body.toString());
  }
}
