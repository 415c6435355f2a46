// Draws the trend chart from the data the page carries; weeks without a published score stay gaps.
(function () {
  var canvas = document.getElementById('trend-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(canvas.getAttribute('data-chart'));
  var colors = ['#2f5bd3', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#0e7490'];
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: data.datasets.map(function (set, i) {
        return { label: set.label, data: set.data, borderColor: colors[i % colors.length],
          backgroundColor: colors[i % colors.length], spanGaps: false, tension: 0.2, pointRadius: 3 };
      })
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: data.locale,
      scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } },
      plugins: { legend: { position: 'bottom' } }
    }
  });
})();
