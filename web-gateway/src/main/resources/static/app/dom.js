// Builds DOM nodes. Text always goes in as text nodes (textContent), never as markup: whatever a
// user wrote, `<script>` included, shows as the characters they typed.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

export function when(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : date.toLocaleString();
}

/** Shows a message in a live region (role=alert or status) and un-hides it. */
export function say(element, message) {
  element.textContent = message || '';
  element.hidden = !message;
}

/**
 * Search highlights arrive as HTML: the story's text escaped, the matched words in <em>. They are
 * rebuilt here from text nodes and <em> elements only, so nothing in them can become markup.
 */
export function highlighted(fragment) {
  const container = h('span');
  const parts = String(fragment).split(/(<em>|<\/em>)/);
  let emphasised = false;
  for (const part of parts) {
    if (part === '<em>') emphasised = true;
    else if (part === '</em>') emphasised = false;
    else if (part) {
      const text = unescape(part);
      container.append(emphasised ? h('em', {}, text) : document.createTextNode(text));
    }
  }
  return container;
}

function unescape(text) {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}
