import { SingleBar } from 'cli-progress';

/** The stages of a command, in order. */
export type Stage = 'reading' | 'finding tables' | 'judging' | 'writing';

const STAGES: readonly Stage[] = ['reading', 'finding tables', 'judging', 'writing'];

const STAGE_WORDS: Record<Stage, string> = {
  reading: 'Reading the workbook',
  'finding tables': 'Finding the KPI tables',
  judging: 'Judging each indicator',
  writing: 'Writing the result',
};

/** Where the progress bar is drawn: the terminal behind stderr, or a stand-in for it in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** Says which stage a long command has reached; draws nothing unless it is shown on a terminal. */
export interface Progress {
  stage(stage: Stage): void;
  /** Takes the bar off the screen, before something is printed or when the command ends. */
  clear(): void;
}

const SILENT: Progress = { stage: () => undefined, clear: () => undefined };

/**
 * A bar on stderr that moves a step per stage and names the stage it is in. Nothing at all when
 * stderr is not a terminal (piped into a file or another program, or in CI) or with --quiet, so
 * what is piped stays clean.
 */
export function progressOn(stream: ProgressStream | undefined, quiet: boolean): Progress {
  if (quiet || !stream || stream.isTTY !== true) return SILENT;
  let bar: SingleBar | undefined;
  return {
    stage(stage) {
      const done = STAGES.indexOf(stage);
      if (!bar) {
        bar = new SingleBar({
          stream: stream as NodeJS.WritableStream,
          format: '{bar} {stage}…',
          barsize: 20,
          clearOnComplete: true,
          hideCursor: false,
          gracefulExit: false,
        });
        bar.start(STAGES.length, done, { stage: STAGE_WORDS[stage] });
        return;
      }
      bar.update(done, { stage: STAGE_WORDS[stage] });
      // The stages are long stretches of work that hold the event loop: draw now, not on a timer.
      bar.render();
    },
    clear() {
      bar?.stop();
      bar = undefined;
    },
  };
}
