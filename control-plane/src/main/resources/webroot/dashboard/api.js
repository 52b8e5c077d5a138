// The control plane's JSON API with the signed-in token; problems become errors carrying their detail.
const KEY = 'whizbang.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(value) {
  sessionStorage.setItem(KEY, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export async function call(method, path, body) {
  const options = { method, headers: { Authorization: 'Bearer ' + token() } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = new Error((json.code ? json.code + ': ' : '') + (json.detail || response.statusText));
    error.status = response.status;
    error.problem = json;
    throw error;
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
export const put = (path, body) => call('PUT', path, body);

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      search.set(name, String(value).trim());
    }
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

// Builds an element; strings become text nodes, so nothing from the server is ever parsed as HTML.
export function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === 'onclick') {
      element.addEventListener('click', value);
    } else if (name === 'className') {
      element.className = value;
    } else if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

export function showError(id, error) {
  document.getElementById(id).textContent = error ? error.message : '';
}
