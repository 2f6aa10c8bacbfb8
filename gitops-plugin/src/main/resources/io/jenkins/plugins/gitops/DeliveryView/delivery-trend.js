/*
 * Draws the 12-week delivery trend of each environment on the Environments page: deployments per week (bars)
 * and the median lead time per week in hours (line, right axis). The data is the JSON the engine wrote
 * (DeliveryTrend.asMap) in the element's data-trend attribute; nothing is computed here. Uses the global
 * `echarts` of echarts-api's adjunct (io.jenkins.plugins.echarts). Loaded as an adjunct: no inline script.
 */
(function () {
  function draw(element) {
    if (element.dataset.gitopsDrawn || typeof echarts === "undefined") {
      return;
    }
    element.dataset.gitopsDrawn = "true";
    var trend = JSON.parse(element.dataset.trend || "{\"weeks\": []}");
    var weeks = trend.weeks || [];
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { data: ["Deployments", "Failed changes", "Lead time (median, h)"], bottom: 0 },
      grid: { left: 40, right: 50, top: 20, bottom: 50 },
      xAxis: {
        type: "category",
        data: weeks.map(function (w) {
          return w.start.substring(0, 10);
        }),
      },
      yAxis: [
        { type: "value", name: "per week", minInterval: 1 },
        { type: "value", name: "hours", position: "right" },
      ],
      series: [
        { name: "Deployments", type: "bar", data: weeks.map(function (w) { return w.deployments; }) },
        { name: "Failed changes", type: "bar", data: weeks.map(function (w) { return w.failedChanges; }) },
        {
          name: "Lead time (median, h)",
          type: "line",
          yAxisIndex: 1,
          connectNulls: true,
          data: weeks.map(function (w) { return w.leadTimeMedianHours; }),
        },
      ],
    });
    window.addEventListener("resize", function () {
      chart.resize();
    });
  }

  function drawAll() {
    document.querySelectorAll(".gitops-delivery__trend").forEach(draw);
  }

  if (typeof Behaviour !== "undefined") {
    Behaviour.specify(".gitops-delivery__trend", "gitops-delivery-trend", 0, draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
