// Activation explorer: curves and derivatives from POST /api/v1/activations/{name}/evaluate.
import { callApi, debounce, showError } from './api.js';
import { drawLineChart, palette } from './chart.js';

const SAMPLE_COUNT = 201;

// Slider ranges for the known parameters; unknown ones get a range around their default.
const PARAMETER_RANGES = {
  alpha: [0, 2, 0.01],
  beta: [0.1, 10, 0.1],
  l: [0.1, 5, 0.1],
  k: [0.1, 10, 0.1],
  x0: [-5, 5, 0.1],
};

function parameterRange(name, defaultValue) {
  if (PARAMETER_RANGES[name]) {
    return PARAMETER_RANGES[name];
  }
  const span = Math.abs(defaultValue) * 4 + 1;
  return [defaultValue - span, defaultValue + span, span / 100];
}

/** Returns [lower, upper] clipped to the activation's domain (the logit is defined on [0, 1] only). */
function clipToDomain(entry, lower, upper) {
  const domainMin = Number(entry?.domain?.min ?? -Infinity);
  const domainMax = Number(entry?.domain?.max ?? Infinity);
  return [Math.max(lower, domainMin), Math.min(upper, domainMax)];
}

function catalogueEntries(catalogue) {
  if (Array.isArray(catalogue)) {
    return catalogue;
  }
  return catalogue.activations ?? catalogue.items ?? [];
}

export function setUpActivations() {
  const list = document.getElementById('activation-list');
  const from = document.getElementById('range-from');
  const to = document.getElementById('range-to');
  const fromValue = document.getElementById('range-from-value');
  const toValue = document.getElementById('range-to-value');
  const showDerivative = document.getElementById('show-derivative');
  const parameterList = document.getElementById('parameter-list');
  const parameterOwner = document.getElementById('parameter-owner');
  const svgLink = document.getElementById('activation-svg-link');
  const formula = document.getElementById('activation-formula');
  const canvas = document.getElementById('activation-canvas');
  const error = document.getElementById('activation-error');

  let entries = [];
  let selected = ['sigmoid'];
  let parameters = {};
  let inFlight = null;

  const selectedEntries = () => selected.map((name) => entries.find((entry) => entry.name === name)).filter(Boolean);

  function buildParameterSliders() {
    const first = selectedEntries()[0];
    parameterList.replaceChildren();
    parameters = {};
    parameterOwner.textContent = first ? first.displayName ?? first.name : 'the first activation';
    const definitions = first?.parameters ?? [];
    if (definitions.length === 0) {
      parameterList.textContent = 'None.';
      return;
    }
    for (const definition of definitions) {
      const [min, max, step] = parameterRange(definition.name, definition.default);
      parameters[definition.name] = definition.default;
      const row = document.createElement('div');
      row.className = 'parameter';
      const label = document.createElement('label');
      label.htmlFor = `parameter-${definition.name}`;
      label.textContent = definition.name;
      const slider = document.createElement('input');
      Object.assign(slider, { id: `parameter-${definition.name}`, type: 'range', min, max, step, value: definition.default });
      const number = document.createElement('output');
      number.id = `parameter-${definition.name}-value`;
      number.textContent = definition.default;
      slider.addEventListener('input', () => {
        parameters[definition.name] = Number(slider.value);
        number.textContent = slider.value;
        refresh();
      });
      row.append(label, slider, number);
      parameterList.append(row);
    }
  }

  function updateLink() {
    // The server samples every activation of a comparison on one grid, so the grid is the common domain.
    let [lower, upper] = [Number(from.value), Number(to.value)];
    for (const entry of selectedEntries()) {
      [lower, upper] = clipToDomain(entry, lower, upper);
    }
    const query = `from=${lower}&to=${upper}&points=${SAMPLE_COUNT}&format=svg`;
    svgLink.href = selected.length === 1
      ? `/api/v1/activations/${encodeURIComponent(selected[0])}/curve?${query}`
      : `/api/v1/activations/compare?names=${selected.map(encodeURIComponent).join(',')}&${query}`;
    const first = selectedEntries()[0];
    formula.textContent = first ? first.formula : '';
  }

  async function draw() {
    inFlight?.abort();
    inFlight = new AbortController();
    const signal = inFlight.signal;
    const grid = (name) => {
      const [lower, upper] = clipToDomain(entries.find((entry) => entry.name === name), Number(from.value), Number(to.value));
      if (!(lower < upper)) {
        return [];
      }
      return Array.from({ length: SAMPLE_COUNT }, (_, i) => lower + ((upper - lower) * i) / (SAMPLE_COUNT - 1));
    };
    fromValue.textContent = from.value;
    toValue.textContent = to.value;
    updateLink();
    canvas.dataset.state = 'pending';
    try {
      // Each activation is sampled inside its own domain; one whose domain misses the range is skipped.
      const answers = await Promise.all(selected.map((name, index) => {
        const x = grid(name);
        if (x.length === 0) {
          return { x: [], values: [], derivatives: [] };
        }
        const body = index === 0 && Object.keys(parameters).length > 0 ? { x, parameters } : { x };
        return callApi(`/api/v1/activations/${encodeURIComponent(name)}/evaluate`, { method: 'POST', body, signal });
      }));
      const series = [];
      answers.forEach((answer, index) => {
        const color = palette[index % palette.length];
        series.push({ label: `${selected[index]}(x)`, x: answer.x, y: answer.values, color });
        if (showDerivative.checked) {
          series.push({ label: `${selected[index]}'(x)`, x: answer.x, y: answer.derivatives, color, dashed: true });
        }
      });
      drawLineChart(canvas, { series, title: selected.join(', ') });
      canvas.dataset.series = String(series.length);
      canvas.dataset.state = 'done';
      showError(error, null);
    } catch (failure) {
      if (failure.name !== 'AbortError') {
        canvas.dataset.state = 'failed';
      }
      showError(error, failure);
    }
  }

  const refresh = debounce(draw, 120);

  function buildList() {
    list.replaceChildren();
    for (const entry of entries) {
      const label = document.createElement('label');
      label.className = 'inline';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = `activation-check-${entry.name}`;
      box.value = entry.name;
      box.checked = selected.includes(entry.name);
      box.addEventListener('change', () => {
        const wasFirst = selected[0];
        selected = box.checked ? [...selected, entry.name] : selected.filter((name) => name !== entry.name);
        if (selected[0] !== wasFirst) {
          buildParameterSliders();
        }
        refresh();
      });
      label.append(box, document.createTextNode(entry.displayName ?? entry.name));
      list.append(label);
    }
  }

  from.addEventListener('input', refresh);
  to.addEventListener('input', refresh);
  showDerivative.addEventListener('change', refresh);

  callApi('/api/v1/activations')
    .then((catalogue) => {
      entries = catalogue ? catalogueEntries(catalogue) : [];
      selected = selected.filter((name) => entries.some((entry) => entry.name === name));
      if (selected.length === 0 && entries.length > 0) {
        selected = [entries[0].name];
      }
      buildList();
      buildParameterSliders();
      return draw();
    })
    .catch((failure) => {
      list.textContent = 'The catalogue could not be loaded.';
      canvas.dataset.state = 'failed';
      showError(error, failure);
    });
}
