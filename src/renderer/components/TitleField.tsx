import { useAppStore } from '../store';

/** Renaming is just editing the title; it autosaves like everything else. */
export function TitleField({ title }: { title: string }) {
  const edit = useAppStore((s) => s.edit);
  const empty = title.trim() === '';
  return (
    <div className="title-field">
      <input
        className="title-input"
        aria-label="Title"
        aria-invalid={empty}
        value={title}
        maxLength={200}
        onChange={(e) => {
          if (e.target.value.trim() !== '') edit({ title: e.target.value });
          else useAppStore.setState((s) => ({ doc: s.doc ? { ...s.doc, title: e.target.value } : s.doc }));
        }}
      />
      {empty && <span className="inline-error">A title cannot be empty.</span>}
    </div>
  );
}
