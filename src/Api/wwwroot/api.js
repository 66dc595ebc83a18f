// Calls to the service's public API, with problem+json errors turned into readable messages.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function problemMessage(response) {
  let text = `${response.status} ${response.statusText}`;
  try {
    const problem = await response.json();
    text = problem.title ? `${response.status} ${problem.title}` : text;
    if (problem.detail) {
      text += `: ${problem.detail}`;
    }
    if (problem.errors) {
      const fields = Object.entries(problem.errors).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
      text += ` (${fields.join('; ')})`;
    }
  } catch {
    // The body was not problem+json; the status line alone is the message.
  }
  return text;
}

/** Sends a request and returns the parsed JSON body; throws ApiError with the problem's text otherwise. */
export async function callApi(path, { method = 'GET', body, signal } = {}) {
  const init = { method, signal, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    throw new ApiError(await problemMessage(response), response.status);
  }
  return response.json();
}

/** Shows an error in a section's alert line, or clears it when error is null. */
export function showError(element, error) {
  if (error && error.name === 'AbortError') {
    return;
  }
  element.textContent = error ? error.message : '';
}

/** Delays fn until wait milliseconds have passed without another call, then runs it with the last arguments. */
export function debounce(fn, wait) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}
