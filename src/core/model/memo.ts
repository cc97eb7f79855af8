/**
 * Remembers a pure function's answers by a text key (or a number standing for one). Workbooks
 * repeat the same words thousands of times (target phrases, number formats, header cells), so
 * reading each once saves most of the work. The store is emptied when it grows past `limit`, so a long-lived task pane that sees many
 * workbooks does not keep every string it ever read. Answers are shared: they must not be mutated.
 */
const NO_ANSWER: unique symbol = Symbol('no answer');

export function memoByText<T, K extends string | number = string>(compute: (text: K) => T, limit = 10_000): (text: K) => T {
  // Undefined answers are common ("not a header"): kept as a marker, so one lookup tells all.
  const answers = new Map<K, T | typeof NO_ANSWER>();
  // Neighbouring cells mostly ask the same (a column's number format, a row of "TBC"): the last
  // answer is checked before the store.
  let lastText: K | undefined;
  let lastAnswer: T | typeof NO_ANSWER = NO_ANSWER;
  return (text: K): T => {
    let answer: T | typeof NO_ANSWER | undefined;
    if (text === lastText) {
      answer = lastAnswer;
    } else {
      answer = answers.get(text);
      if (answer === undefined) {
        const computed = compute(text);
        answer = computed === undefined ? NO_ANSWER : computed;
        if (answers.size >= limit) answers.clear();
        answers.set(text, answer);
      }
      lastText = text;
      lastAnswer = answer;
    }
    return (answer === NO_ANSWER ? undefined : answer) as T;
  };
}

/** The value kept under `key`, made and kept by `make` the first time it is asked for. */
export function getOrInsert<K, V>(map: Map<K, V> | WeakMap<K & object, V>, key: K, make: () => V): V {
  const store = map as Map<K, V>;
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}
