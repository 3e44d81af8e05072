// Draws each chart from the table beside it, so the picture and the numbers never disagree.
// No inline script anywhere: the page's Content-Security-Policy allows only 'self'.
'use strict';
(function () {
  const PALETTE = ['#1f3a5f', '#2a7f7f', '#b7791f', '#7b6d8d', '#9b2c2c', '#4a6fa5', '#6b8e23'];

  function columnsOf(table) {
    return Array.from(table.tHead.rows[0].cells).map((cell) => cell.textContent.trim());
  }

  function rowsOf(table) {
    return Array.from(table.tBodies[0].rows).filter((row) => row.querySelector('[data-value]'));
  }

  function draw(table) {
    const canvas = document.getElementById(table.dataset.chart);
    if (!canvas || !window.Chart) return;
    const columns = columnsOf(table);
    const rows = rowsOf(table);
    const kind = table.dataset.kind;
    const horizontal = table.dataset.axis === 'y';
    const stacked = table.dataset.stacked === 'true';
    // Plot the first numeric column, and the others too when stacked or paired (capacity);
    // a "Load" percentage or a task count is for the table only.
    const plotted = columns.slice(1).map((name, index) => index)
      .filter((index) => stacked || index === 0 || (kind === 'bar' && columns[index + 1] === 'Weekly capacity'));
    const datasets = plotted.map((index, n) => ({
      label: columns[index + 1],
      data: rows.map((row) => Number(row.querySelectorAll('[data-value]')[index].dataset.value)),
      backgroundColor: n === 1 && !stacked ? 'rgba(183, 121, 31, 0.35)' : PALETTE[n % PALETTE.length],
      borderColor: n === 1 && !stacked ? '#b7791f' : PALETTE[n % PALETTE.length],
      borderWidth: kind === 'line' ? 2 : 1,
      cubicInterpolationMode: 'monotone',
      pointRadius: 3,
      fill: false
    }));
    const chart = new window.Chart(canvas, {
      type: kind,
      data: { labels: rows.map((row) => row.cells[0].textContent.trim()), datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: {
          legend: { display: datasets.length > 1, position: 'bottom' },
          tooltip: { enabled: true }
        },
        scales: {
          x: { stacked: stacked, beginAtZero: true, grid: { color: '#eef0f3' } },
          y: { stacked: stacked, beginAtZero: true, grid: { color: '#eef0f3' } }
        }
      }
    });
    canvas.dataset.drawn = String(chart.data.datasets.length);
  }

  function drawAll() {
    document.querySelectorAll('table[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
