// Draws the trend chart from the data the page carries: per dimension its weekly means as straight segments, with
// gaps where a week has no published score, and its four-week average dashed in the same colour; and trust in the
// leader as one point per complete block of four weeks, joined only to the block next to it.
(function () {
  var canvas = document.getElementById('trend-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(canvas.getAttribute('data-chart'));
  // Okabe–Ito: told apart with the common kinds of colour blindness; each line also has its own point shape.
  var colors = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9'];
  var shapes = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'];
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: data.datasets.map(function (set) {
        if (set.pool) {
          // Points given as {x: week, y: mean}; a gap wider than one block (a block withheld or missing) breaks the line.
          return { label: set.label, data: set.data, rolling: false, pool: true, dimension: set.dimension,
            borderColor: '#000000', backgroundColor: '#000000', borderWidth: 3, pointStyle: 'rect', pointRadius: 6,
            spanGaps: set.gap, tension: 0 };
        }
        var color = colors[set.dimension % colors.length];
        if (set.rolling) {
          return { label: set.label, data: set.data, rolling: true, dimension: set.dimension, borderColor: color,
            backgroundColor: color, borderDash: [6, 4], borderWidth: 2, pointRadius: 0, pointHitRadius: 6,
            spanGaps: false, tension: 0 };
        }
        return { label: set.label, data: set.data, rolling: false, dimension: set.dimension, borderColor: color,
          backgroundColor: color, borderWidth: 2, pointStyle: shapes[set.dimension % shapes.length], pointRadius: 4,
          spanGaps: false, tension: 0 };
      })
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: data.locale,
      scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            usePointStyle: true,
            // One entry per dimension, its average going with it, and one for trust in the leader.
            filter: function (item, legendData) { return !legendData.datasets[item.datasetIndex].rolling; }
          },
          onClick: function (event, item, legend) {
            var dimension = legend.chart.data.datasets[item.datasetIndex].dimension;
            var show = !legend.chart.isDatasetVisible(item.datasetIndex);
            legend.chart.data.datasets.forEach(function (set, i) {
              if (set.dimension === dimension) {
                legend.chart.setDatasetVisibility(i, show);
              }
            });
            legend.chart.update();
          }
        }
      }
    }
  });
})();
