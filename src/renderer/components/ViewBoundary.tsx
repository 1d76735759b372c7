import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useAppStore } from '../store';

interface Props {
  /** What the view is, for the message: "Settings", "the editor". */
  what: string;
  /** Another view or document: a message left by the last one goes. */
  resetKey?: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** A view's code that failed to arrive (the app or web host stopped, a file went missing) rather than a bug in it. */
function isLoadFailure(e: Error): boolean {
  return /dynamically imported module|Importing a module script failed|Failed to fetch|error loading/i.test(e.message);
}

/**
 * Catches what a view throws while it loads or draws, so one view's failure
 * shows a message in its place instead of a blank window. A view whose code
 * could not be loaded stays failed until the window reloads (React keeps a
 * lazy import's failure), so the way out is "Reload", after saving what the
 * editor holds: nothing typed is lost.
 */
export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.what} could not be shown:`, error, info.componentStack);
  }

  private readonly reload = (): void => {
    void useAppStore
      .getState()
      .saveNow()
      .catch(() => undefined)
      .finally(() => window.location.reload());
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="view-failure" role="alert">
        <h2>{this.props.what} could not be shown</h2>
        <p>
          {isLoadFailure(error)
            ? 'Part of DesignDesk did not load. If the app was closed or restarted, start it again; then reload.'
            : `Something went wrong while showing it: ${error.message}`}
        </p>
        <p>Your documents are safe: everything saved stays in the library.</p>
        <button type="button" className="button" onClick={this.reload}>
          Reload
        </button>
      </div>
    );
  }
}
