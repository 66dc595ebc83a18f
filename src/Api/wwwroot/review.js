// Review sentiment from POST /api/v1/models/imdb-sentiment/predict, as the text changes.
import { callApi, debounce, showError } from './api.js';

export function setUpReview() {
  const text = document.getElementById('review-text');
  const submit = document.getElementById('review-submit');
  const label = document.getElementById('review-label');
  const probability = document.getElementById('review-probability');
  const error = document.getElementById('review-error');
  let inFlight = null;

  async function rate() {
    const review = text.value.trim();
    if (review.length === 0) {
      label.textContent = '-';
      probability.textContent = '-';
      return;
    }
    inFlight?.abort();
    inFlight = new AbortController();
    label.dataset.state = 'pending';
    try {
      const answer = await callApi('/api/v1/models/imdb-sentiment/predict', {
        method: 'POST',
        body: { texts: [review] },
        signal: inFlight.signal,
      });
      const prediction = answer.predictions[0];
      label.textContent = prediction.label;
      probability.textContent = prediction.probability.toFixed(3);
      label.dataset.state = 'done';
      showError(error, null);
    } catch (failure) {
      if (failure.name !== 'AbortError') {
        label.dataset.state = 'failed';
      }
      showError(error, failure);
    }
  }

  text.addEventListener('input', debounce(rate, 400));
  submit.addEventListener('click', rate);
}
