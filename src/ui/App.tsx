import { useCallback, useEffect, useState } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { ErrorView } from './components/ErrorView.js';
import { Explorer } from './components/Explorer.js';
import type { ExplorerProps } from './components/Explorer.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';

export interface AppProps extends Omit<ExplorerProps, 'columns' | 'rows' | 'onExit' | 'onCrash'> {
  /** Fixed size (tests); default: the terminal's, following resizes. */
  readonly columns?: number;
  readonly rows?: number;
  /** The explorer is done: 0 (q), 130 (Ctrl-C) or 70 (a crash, with its error). */
  readonly onExit: (code: number, error?: unknown) => void;
}

/** The root: the explorer inside an error boundary; a crash shows the error and ends with exit code 70. */
export function App(props: AppProps) {
  const size = useTerminalSize();
  const [crash, setCrash] = useState<{ readonly error: unknown } | null>(null);
  const { onExit } = props;
  const onCrash = useCallback((error: unknown) => setCrash((current) => current ?? { error }), []);
  useEffect(() => {
    if (crash !== null) onExit(70, crash.error);
  }, [crash, onExit]);
  if (crash !== null) return <ErrorView error={crash.error} />;
  return (
    <ErrorBoundary onError={onCrash}>
      <Explorer
        path={props.path}
        scenario={props.scenario}
        services={props.services}
        staffsimVersion={props.staffsimVersion}
        columns={props.columns ?? size.columns}
        rows={props.rows ?? size.rows}
        onExit={onExit}
        onCrash={onCrash}
        {...(props.today === undefined ? {} : { today: props.today })}
        {...(props.libraryFolder === undefined ? {} : { libraryFolder: props.libraryFolder })}
        {...(props.workingFolder === undefined ? {} : { workingFolder: props.workingFolder })}
      />
    </ErrorBoundary>
  );
}
