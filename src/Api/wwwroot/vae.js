// Digits from the VAE decoder: POST /api/v1/models/mnist-vae-decoder/generate with a seed.
import { callApi, showError } from './api.js';

const COUNT = 16;

export function setUpVae() {
  const seed = document.getElementById('vae-seed');
  const previous = document.getElementById('vae-previous');
  const next = document.getElementById('vae-next');
  const generate = document.getElementById('vae-generate');
  const grid = document.getElementById('vae-grid');
  const error = document.getElementById('vae-error');
  let inFlight = null;

  async function show() {
    inFlight?.abort();
    inFlight = new AbortController();
    grid.dataset.state = 'pending';
    try {
      const answer = await callApi('/api/v1/models/mnist-vae-decoder/generate', {
        method: 'POST',
        body: { count: COUNT, seed: Number(seed.value) },
        signal: inFlight.signal,
      });
      grid.replaceChildren(...answer.images.map((image, index) => {
        const element = document.createElement('img');
        element.src = `data:image/png;base64,${image.png}`;
        element.alt = `Generated digit ${index + 1}`;
        if (image.latent) {
          element.title = `z = [${image.latent.map((value) => value.toFixed(2)).join(', ')}]`;
        }
        return element;
      }));
      grid.dataset.state = 'done';
      grid.dataset.seed = seed.value;
      showError(error, null);
    } catch (failure) {
      if (failure.name !== 'AbortError') {
        grid.dataset.state = 'failed';
      }
      showError(error, failure);
    }
  }

  const step = (delta) => {
    seed.value = String(Math.max(0, Number(seed.value) + delta));
    show();
  };
  previous.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  generate.addEventListener('click', show);
  show();
}
