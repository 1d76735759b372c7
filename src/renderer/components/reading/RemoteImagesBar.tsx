import { useAppStore } from '../../store';

/** Shown above a document whose remote images were held back: one click loads them for this document. */
export function RemoteImagesBar({ docId, count }: { docId: string; count: number }) {
  const allowImages = useAppStore((s) => s.allowImages);
  return (
    <div className="banner remote-images-bar" role="status" data-testid="remote-images-bar">
      <span>
        Remote images are blocked ({count}). Loading them tells their servers that you opened this document.
      </span>
      <button type="button" className="button" onClick={() => allowImages(docId)}>
        Load images
      </button>
    </div>
  );
}
