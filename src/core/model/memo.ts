/**
 * Remembers a pure function's answers by a text key. Workbooks repeat the same words thousands of
 * times (target phrases, number formats, header cells), so reading each once saves most of the
 * work. The store is emptied when it grows past `limit`, so a long-lived task pane that sees many
 * workbooks does not keep every string it ever read. Answers are shared: they must not be mutated.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 10_000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text: string): T => {
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      answer = compute(text);
      if (answers.size >= limit) answers.clear();
      answers.set(text, answer);
    }
    return answer as T;
  };
}
