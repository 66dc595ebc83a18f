// Logistic regression on clicked points: POST /api/v1/logistic-regression/fit, then predict on a grid.
import { callApi, showError } from './api.js';

const EXTENT = 5;
const GRID = 40;
const CLASS_COLORS = ['#1f77b4', '#ff7f0e'];

export function setUpLogisticRegression() {
  const canvas = document.getElementById('logreg-canvas');
  const classZero = document.getElementById('logreg-class-0');
  const penaltyC = document.getElementById('logreg-c');
  const fitButton = document.getElementById('logreg-fit');
  const clearButton = document.getElementById('logreg-clear');
  const count = document.getElementById('logreg-count');
  const result = document.getElementById('logreg-result');
  const error = document.getElementById('logreg-error');
  const context = canvas.getContext('2d');

  let points = [];
  let model = null;
  let probabilities = null;
  let inFlight = null;

  const toPixel = (value, size) => ((value + EXTENT) / (2 * EXTENT)) * size;
  const toPlane = (pixel, size) => (pixel / size) * 2 * EXTENT - EXTENT;

  function draw() {
    const { width, height } = canvas;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);

    if (probabilities) {
      const cellWidth = width / GRID;
      const cellHeight = height / GRID;
      for (let row = 0; row < GRID; row++) {
        for (let column = 0; column < GRID; column++) {
          const p = probabilities[row * GRID + column];
          // Orange where class 1 is likely, blue where class 0 is, white on the boundary.
          const strength = Math.abs(p - 0.5) * 2;
          const [r, g, b] = p >= 0.5 ? [255, 127, 14] : [31, 119, 180];
          context.fillStyle = `rgba(${r}, ${g}, ${b}, ${0.35 * strength})`;
          context.fillRect(column * cellWidth, height - (row + 1) * cellHeight, cellWidth + 1, cellHeight + 1);
        }
      }
    }

    context.strokeStyle = '#e5e7eb';
    context.lineWidth = 1;
    for (let value = -EXTENT; value <= EXTENT; value++) {
      context.beginPath();
      context.moveTo(toPixel(value, width), 0);
      context.lineTo(toPixel(value, width), height);
      context.moveTo(0, height - toPixel(value, height));
      context.lineTo(width, height - toPixel(value, height));
      context.stroke();
    }

    if (model) {
      // The decision boundary w1 x1 + w2 x2 + b = 0, clipped to the square.
      const [w1, w2] = model.coefficients;
      const b = model.intercept;
      context.strokeStyle = '#111827';
      context.lineWidth = 2;
      context.beginPath();
      if (Math.abs(w2) > Math.abs(w1)) {
        const x2At = (x1) => -(w1 * x1 + b) / w2;
        context.moveTo(0, height - toPixel(x2At(-EXTENT), height));
        context.lineTo(width, height - toPixel(x2At(EXTENT), height));
      } else if (Math.abs(w1) > 0) {
        const x1At = (x2) => -(w2 * x2 + b) / w1;
        context.moveTo(toPixel(x1At(-EXTENT), width), height);
        context.lineTo(toPixel(x1At(EXTENT), width), 0);
      }
      context.stroke();
    }

    for (const point of points) {
      context.fillStyle = CLASS_COLORS[point.label];
      context.strokeStyle = '#111827';
      context.lineWidth = 1;
      context.beginPath();
      context.arc(toPixel(point.x1, width), height - toPixel(point.x2, height), 6, 0, 2 * Math.PI);
      context.fill();
      context.stroke();
    }
    count.textContent = String(points.length);
  }

  function describe(fitted) {
    const metrics = fitted.trainingMetrics ?? {};
    const lines = [
      `p(1) = sigmoid(${fitted.coefficients[0].toFixed(3)} x1 + ${fitted.coefficients[1].toFixed(3)} x2 + ${fitted.intercept.toFixed(3)})`,
      `converged: ${fitted.converged} after ${fitted.iterations} iterations`,
    ];
    if (metrics.accuracy !== undefined) {
      lines.push(`training accuracy: ${Number(metrics.accuracy).toFixed(3)}`);
    }
    for (const warning of fitted.warnings ?? []) {
      lines.push(`warning: ${warning}`);
    }
    return lines.join('\n');
  }

  async function fit() {
    const labels = new Set(points.map((point) => point.label));
    if (labels.size < 2) {
      result.textContent = 'Add at least one point of each class.';
      return;
    }
    inFlight?.abort();
    inFlight = new AbortController();
    const signal = inFlight.signal;
    canvas.dataset.state = 'pending';
    try {
      const fitted = await callApi('/api/v1/logistic-regression/fit', {
        method: 'POST',
        signal,
        body: {
          features: points.map((point) => [point.x1, point.x2]),
          labels: points.map((point) => point.label),
          options: { penalty: 'l2', c: Number(penaltyC.value) },
        },
      });
      const grid = [];
      for (let row = 0; row < GRID; row++) {
        for (let column = 0; column < GRID; column++) {
          grid.push([toPlane(column + 0.5, GRID), toPlane(row + 0.5, GRID)]);
        }
      }
      const predicted = await callApi(`/api/v1/logistic-regression/models/${encodeURIComponent(fitted.modelId)}/predict`, {
        method: 'POST',
        signal,
        body: { features: grid },
      });
      model = fitted;
      probabilities = predicted.probabilities;
      result.textContent = describe(fitted);
      canvas.dataset.state = 'done';
      showError(error, null);
      draw();
    } catch (failure) {
      if (failure.name !== 'AbortError') {
        canvas.dataset.state = 'failed';
      }
      showError(error, failure);
    }
  }

  canvas.addEventListener('click', (event) => {
    const bounds = canvas.getBoundingClientRect();
    const x = ((event.clientX - bounds.left) / bounds.width) * canvas.width;
    const y = ((event.clientY - bounds.top) / bounds.height) * canvas.height;
    let label = classZero.checked ? 0 : 1;
    if (event.shiftKey) {
      label = 1 - label;
    }
    points.push({ x1: toPlane(x, canvas.width), x2: toPlane(canvas.height - y, canvas.height), label });
    draw();
    fit();
  });
  fitButton.addEventListener('click', fit);
  penaltyC.addEventListener('change', fit);
  clearButton.addEventListener('click', () => {
    inFlight?.abort();
    points = [];
    model = null;
    probabilities = null;
    delete canvas.dataset.state;
    result.textContent = 'No model yet.';
    showError(error, null);
    draw();
  });

  draw();
}
