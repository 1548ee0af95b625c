import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorView } from './ErrorView.js';

export interface ErrorBoundaryProps {
  readonly children?: ReactNode;
  /** Called once with an error thrown while rendering. */
  readonly onError: (error: unknown) => void;
}

interface ErrorBoundaryState {
  readonly error: unknown;
  readonly failed: boolean;
}

/** Renders `ErrorView` instead of a child that threw while rendering, and reports the error. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <ErrorView error={this.state.error} /> : this.props.children;
  }
}
