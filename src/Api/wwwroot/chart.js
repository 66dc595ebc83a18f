// A small line chart on a canvas: axes with ticks, a grid, a legend. Non-finite points break the line.

export const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function niceStep(span, targetTicks) {
  const raw = span / targetTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  if (fraction < 1.5) {
    return power;
  }
  if (fraction < 3) {
    return 2 * power;
  }
  return fraction < 7 ? 5 * power : 10 * power;
}

function ticks(min, max, targetTicks) {
  const step = niceStep(max - min, targetTicks);
  const values = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
    values.push(Math.abs(value) < step * 1e-9 ? 0 : value);
  }
  return values;
}

function formatTick(value) {
  return Number.parseFloat(value.toPrecision(6)).toString();
}

/**
 * Draws series [{label, x, y, color, dashed}] on the canvas. The y axis spans the finite values within
 * [-1e6, 1e6], narrowed to their bulk when a few outliers would flatten the rest.
 */
export function drawLineChart(canvas, { series, xLabel = 'x', yLabel = 'y', title = '' }) {
  const context = canvas.getContext('2d');
  const width = canvas.width;
  const height = canvas.height;
  const margin = { left: 56, right: 16, top: title ? 32 : 12, bottom: 40 };
  context.clearRect(0, 0, width, height);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);

  let xMin = Infinity;
  let xMax = -Infinity;
  const ys = [];
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i];
      const y = s.y[i];
      if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(y) <= 1e6) {
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
        ys.push(y);
      }
    }
  }
  ys.sort((a, b) => a - b);
  let yMin = ys.length > 0 ? ys[0] : Infinity;
  let yMax = ys.length > 0 ? ys[ys.length - 1] : -Infinity;
  // A derivative that diverges at the edge of the domain (the logit's) would flatten every other curve,
  // so the axis follows the 2nd to 98th percentile when the full range is more than four times wider.
  if (ys.length >= 20) {
    const low = ys[Math.floor(ys.length * 0.02)];
    const high = ys[Math.floor(ys.length * 0.98)];
    const bulk = high - low;
    if (bulk > 0 && yMax - yMin > 4 * bulk) {
      yMin = low - 0.25 * bulk;
      yMax = high + 0.25 * bulk;
    }
  }
  if (!Number.isFinite(xMin)) {
    xMin = -1; xMax = 1; yMin = -1; yMax = 1;
  }
  if (yMax - yMin < 1e-9) {
    yMin -= 0.5; yMax += 0.5;
  }
  const pad = (yMax - yMin) * 0.05;
  yMin -= pad;
  yMax += pad;

  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const toPixelX = (x) => margin.left + ((x - xMin) / (xMax - xMin)) * plotWidth;
  const toPixelY = (y) => margin.top + (1 - (y - yMin) / (yMax - yMin)) * plotHeight;

  context.font = '12px system-ui, sans-serif';
  context.strokeStyle = '#e5e7eb';
  context.fillStyle = '#374151';
  context.lineWidth = 1;
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const value of ticks(xMin, xMax, 8)) {
    const px = toPixelX(value);
    context.beginPath();
    context.moveTo(px, margin.top);
    context.lineTo(px, margin.top + plotHeight);
    context.stroke();
    context.fillText(formatTick(value), px, margin.top + plotHeight + 4);
  }
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const value of ticks(yMin, yMax, 6)) {
    const py = toPixelY(value);
    context.beginPath();
    context.moveTo(margin.left, py);
    context.lineTo(margin.left + plotWidth, py);
    context.stroke();
    context.fillText(formatTick(value), margin.left - 4, py);
  }

  context.strokeStyle = '#6b7280';
  context.strokeRect(margin.left, margin.top, plotWidth, plotHeight);
  context.textAlign = 'center';
  context.textBaseline = 'bottom';
  context.fillText(xLabel, margin.left + plotWidth / 2, height - 2);
  context.save();
  context.translate(14, margin.top + plotHeight / 2);
  context.rotate(-Math.PI / 2);
  context.textBaseline = 'middle';
  context.fillText(yLabel, 0, 0);
  context.restore();
  if (title) {
    context.font = 'bold 15px system-ui, sans-serif';
    context.textBaseline = 'top';
    context.fillText(title, margin.left + plotWidth / 2, 8);
    context.font = '12px system-ui, sans-serif';
  }

  context.save();
  context.beginPath();
  context.rect(margin.left, margin.top, plotWidth, plotHeight);
  context.clip();
  for (const s of series) {
    context.strokeStyle = s.color;
    context.lineWidth = 2;
    context.setLineDash(s.dashed ? [6, 4] : []);
    context.beginPath();
    let drawing = false;
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i];
      const y = s.y[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        drawing = false;
        continue;
      }
      const py = Math.max(-1e4, Math.min(1e4, toPixelY(y)));
      if (drawing) {
        context.lineTo(toPixelX(x), py);
      } else {
        context.moveTo(toPixelX(x), py);
        drawing = true;
      }
    }
    context.stroke();
  }
  context.restore();
  context.setLineDash([]);

  // Legend in the upper-left corner of the plot area.
  context.font = '12px system-ui, sans-serif';
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  const rowHeight = 16;
  const legendWidth = Math.max(0, ...series.map((s) => context.measureText(s.label).width)) + 40;
  if (series.length > 0) {
    context.fillStyle = 'rgba(255, 255, 255, 0.9)';
    context.fillRect(margin.left + 6, margin.top + 6, legendWidth, series.length * rowHeight + 8);
    context.strokeStyle = '#d1d5db';
    context.strokeRect(margin.left + 6, margin.top + 6, legendWidth, series.length * rowHeight + 8);
  }
  series.forEach((s, index) => {
    const y = margin.top + 14 + index * rowHeight;
    context.strokeStyle = s.color;
    context.lineWidth = 2;
    context.setLineDash(s.dashed ? [6, 4] : []);
    context.beginPath();
    context.moveTo(margin.left + 12, y);
    context.lineTo(margin.left + 34, y);
    context.stroke();
    context.setLineDash([]);
    context.fillStyle = '#111827';
    context.fillText(s.label, margin.left + 40, y);
  });
}
