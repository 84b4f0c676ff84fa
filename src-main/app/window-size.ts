export interface WorkArea {
  width: number;
  height: number;
}

export interface WindowSize {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  /** Small screens (the common 1366×768 clinic laptop) start maximized: every pixel counts there. */
  maximize: boolean;
}

/** First window size from the screen's work area (the screen minus the taskbar). */
export function initialWindowSize(workArea: WorkArea): WindowSize {
  return {
    width: Math.min(1366, workArea.width),
    height: Math.min(900, workArea.height),
    minWidth: Math.min(1024, workArea.width),
    minHeight: Math.min(600, workArea.height),
    maximize: workArea.width <= 1440 || workArea.height <= 800,
  };
}
