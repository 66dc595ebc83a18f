// Digit drawing: the strokes are reduced to a 28 x 28 MNIST-style input and sent to mnist-zero.
import { callApi, showError } from './api.js';

const SIDE = 28;
const BOX = 20;

/**
 * Reduces the drawing to MNIST's form. The ink's bounding square is averaged down to 20 x 20 pixels and
 * placed in a 28 x 28 frame with its centre of mass at the centre, as light ink on black in 0..1.
 * Returns null when nothing is drawn.
 */
export function toMnistPixels(canvas) {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4] > 25) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  if (right < 0) {
    return null;
  }

  // Average-pool the bounding square (centred on the ink) into BOX x BOX cells.
  const size = Math.max(right - left + 1, bottom - top + 1);
  const originX = (left + right + 1) / 2 - size / 2;
  const originY = (top + bottom + 1) / 2 - size / 2;
  const cell = size / BOX;
  const sums = new Float64Array(BOX * BOX);
  const counts = new Float64Array(BOX * BOX);
  for (let y = Math.max(0, Math.floor(originY)); y < Math.min(height, Math.ceil(originY + size)); y++) {
    const row = Math.floor((y - originY) / cell);
    if (row < 0 || row >= BOX) {
      continue;
    }
    for (let x = Math.max(0, Math.floor(originX)); x < Math.min(width, Math.ceil(originX + size)); x++) {
      const column = Math.floor((x - originX) / cell);
      if (column < 0 || column >= BOX) {
        continue;
      }
      sums[row * BOX + column] += rgba[(y * width + x) * 4] / 255;
      counts[row * BOX + column] += 1;
    }
  }

  const boxed = new Float64Array(BOX * BOX);
  let mass = 0;
  let massX = 0;
  let massY = 0;
  for (let i = 0; i < boxed.length; i++) {
    boxed[i] = counts[i] > 0 ? Math.min(1, sums[i] / counts[i]) : 0;
    mass += boxed[i];
    massX += boxed[i] * ((i % BOX) + 0.5);
    massY += boxed[i] * (Math.floor(i / BOX) + 0.5);
  }

  // Shift so that the centre of mass lands on the frame's centre.
  const offset = (SIDE - BOX) / 2;
  const shiftX = Math.round(SIDE / 2 - (offset + massX / mass));
  const shiftY = Math.round(SIDE / 2 - (offset + massY / mass));
  const pixels = new Array(SIDE * SIDE).fill(0);
  for (let row = 0; row < BOX; row++) {
    for (let column = 0; column < BOX; column++) {
      const x = column + offset + shiftX;
      const y = row + offset + shiftY;
      if (x >= 0 && x < SIDE && y >= 0 && y < SIDE) {
        pixels[y * SIDE + x] = boxed[row * BOX + column];
      }
    }
  }
  return pixels;
}

function drawPreview(preview, pixels) {
  const context = preview.getContext('2d');
  const image = context.createImageData(SIDE, SIDE);
  for (let i = 0; i < SIDE * SIDE; i++) {
    const value = Math.round((pixels?.[i] ?? 0) * 255);
    image.data.set([value, value, value, 255], i * 4);
  }
  const small = document.createElement('canvas');
  small.width = SIDE;
  small.height = SIDE;
  small.getContext('2d').putImageData(image, 0, 0);
  context.imageSmoothingEnabled = false;
  context.clearRect(0, 0, preview.width, preview.height);
  context.drawImage(small, 0, 0, preview.width, preview.height);
}

export function setUpDigit() {
  const canvas = document.getElementById('digit-canvas');
  const preview = document.getElementById('digit-preview');
  const probability = document.getElementById('digit-probability');
  const verdict = document.getElementById('digit-verdict');
  const clearButton = document.getElementById('digit-clear');
  const error = document.getElementById('digit-error');
  const context = canvas.getContext('2d');

  let drawing = false;
  let last = null;
  let inFlight = null;
  let lastSent = 0;

  function clear() {
    context.fillStyle = '#000';
    context.fillRect(0, 0, canvas.width, canvas.height);
    drawPreview(preview, null);
    probability.textContent = '-';
    verdict.textContent = '';
    showError(error, null);
  }

  async function predict() {
    const pixels = toMnistPixels(canvas);
    drawPreview(preview, pixels);
    if (!pixels) {
      return;
    }
    inFlight?.abort();
    inFlight = new AbortController();
    // The state stays 'pending' until the latest request completes, and the browser test waits on it.
    probability.dataset.state = 'pending';
    try {
      const answer = await callApi('/api/v1/models/mnist-zero/predict', {
        method: 'POST',
        body: { pixels: [pixels] },
        signal: inFlight.signal,
      });
      const prediction = answer.predictions[0];
      probability.textContent = prediction.probability.toFixed(3);
      verdict.textContent = prediction.isZero ? 'That looks like a zero.' : 'That is not a zero.';
      probability.dataset.state = 'done';
      showError(error, null);
    } catch (failure) {
      if (failure.name !== 'AbortError') {
        probability.dataset.state = 'failed';
      }
      showError(error, failure);
    }
  }

  function position(event) {
    const bounds = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - bounds.left) / bounds.width) * canvas.width,
      y: ((event.clientY - bounds.top) / bounds.height) * canvas.height,
    };
  }

  canvas.addEventListener('pointerdown', (event) => {
    drawing = true;
    last = position(event);
    canvas.setPointerCapture(event.pointerId);
    context.fillStyle = '#fff';
    context.beginPath();
    context.arc(last.x, last.y, 9, 0, 2 * Math.PI);
    context.fill();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing) {
      return;
    }
    const point = position(event);
    context.strokeStyle = '#fff';
    context.lineWidth = 18;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(last.x, last.y);
    context.lineTo(point.x, point.y);
    context.stroke();
    last = point;
    // Live feedback while drawing, at most a few requests a second.
    if (performance.now() - lastSent > 300) {
      lastSent = performance.now();
      predict();
    }
  });
  const finish = () => {
    if (drawing) {
      drawing = false;
      predict();
    }
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);
  clearButton.addEventListener('click', clear);

  clear();
}
