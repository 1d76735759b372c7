import { useState } from 'react';
import { useAppStore } from '../../store';
import '../../styles/shell.css';

const HIDDEN_KEY = 'designdesk.sampleBannerHidden';

/** Above the library while the guided samples exist: what they are, and the one click that removes them. */
export function SampleBanner() {
  const count = useAppStore((s) => s.sampleIds.length);
  const [hidden, setHidden] = useState(() => {
    try {
      return localStorage.getItem(HIDDEN_KEY) === '1';
    } catch {
      return false;
    }
  });
  if (count === 0 || hidden) return null;
  return (
    <section className="banner sample-banner" aria-label="Sample documents">
      <p>
        <strong>
          {count} sample {count === 1 ? 'document' : 'documents'}
        </strong>{' '}
        show what each kind looks like when filled in. Edit them freely, or remove them when you start for real.
      </p>
      <div className="banner-actions">
        <button type="button" className="button" onClick={() => useAppStore.setState({ confirmRemoveSamples: true })}>
          Remove sample documents
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setHidden(true);
            try {
              localStorage.setItem(HIDDEN_KEY, '1');
            } catch {
              // shown again next time
            }
          }}
        >
          Keep them
        </button>
      </div>
    </section>
  );
}
