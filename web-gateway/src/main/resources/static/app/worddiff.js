// Word-level differences between two texts: the longest common subsequence of their words, so a
// reader sees which words went and which came (a change of spacing alone is no change). Plain
// functions, no DOM: the history page draws the parts, and the browser tests call this module.

/**
 * Splits a text into words, each with the whitespace before it (the last also takes the whitespace
 * after it); joined they give the text back. Words are compared without their whitespace.
 */
export function tokens(text) {
  const value = String(text ?? '');
  const words = value.match(/\s*\S+/g) || [];
  const rest = value.slice(words.join('').length);
  if (rest) {
    if (words.length) words[words.length - 1] += rest;
    else words.push(rest);
  }
  return words;
}

const word = (token) => token.trim();

// past this many cells the table would cost too much memory: the middle is shown as replaced
const MAX_CELLS = 4_000_000;

/**
 * The parts of `after` against `before`: `{type: 'same' | 'insert' | 'delete', text}`, in reading
 * order, neighbouring parts of one type merged; each word keeps the whitespace before it (unchanged
 * words take `after`'s). Deletions come before the insertions that replace them.
 */
export function diffWords(before, after) {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && word(a[start]) === word(b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && word(a[endA - 1]) === word(b[endB - 1])) {
    endA--;
    endB--;
  }
  const parts = [];
  push(parts, 'same', b.slice(0, start));
  middle(parts, a.slice(start, endA), b.slice(start, endB));
  push(parts, 'same', b.slice(endB));
  return parts;
}

function middle(parts, before, after) {
  const a = before.map(word);
  const b = after.map(word);
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    push(parts, 'delete', before);
    push(parts, 'insert', after);
    return;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..]
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', [after[j++]]);
      i++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      push(parts, 'delete', [before[i++]]);
    } else {
      push(parts, 'insert', [after[j++]]);
    }
  }
  push(parts, 'delete', before.slice(i));
  push(parts, 'insert', after.slice(j));
}

function push(parts, type, words) {
  if (words.length === 0) return;
  const text = words.join('');
  const last = parts[parts.length - 1];
  if (last && last.type === type) last.text += text;
  else parts.push({ type, text });
}

/** How many words a diff adds and removes (whitespace does not count). */
export function counts(parts) {
  const words = (text) => tokens(text).filter((token) => word(token)).length;
  return {
    inserted: parts.filter((part) => part.type === 'insert').reduce((sum, part) => sum + words(part.text), 0),
    deleted: parts.filter((part) => part.type === 'delete').reduce((sum, part) => sum + words(part.text), 0),
  };
}
