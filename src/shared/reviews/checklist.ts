/**
 * The Architecture Review Checklist a reviewer ticks on an RFC (from the
 * team's engineering playbook): six concerns, each with the questions a
 * reviewer asks of the design.
 */
export const CHECKLIST_ITEM_IDS = ['scalability', 'reliability', 'security', 'observability', 'cost', 'maintainability'] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

export interface ChecklistItem {
  id: ChecklistItemId;
  label: string;
  questions: readonly string[];
}

export const RFC_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'scalability',
    label: 'Scalability',
    questions: ['What load is expected?', 'Does it scale horizontally?', 'Where are the bottlenecks?'],
  },
  {
    id: 'reliability',
    label: 'Reliability',
    questions: ['What happens when a component fails?', 'What is the blast radius?', 'How does it recover?'],
  },
  {
    id: 'security',
    label: 'Security',
    questions: ['What is the threat model?', 'How are authentication and authorization done?', 'How is sensitive data protected?'],
  },
  {
    id: 'observability',
    label: 'Observability',
    questions: ['How do we know it works?', 'Which metrics, logs and traces does it emit?', 'How would we debug it in production?'],
  },
  {
    id: 'cost',
    label: 'Cost',
    questions: ['What does the infrastructure cost?', 'How does the cost scale with use?', 'Which operations are expensive?'],
  },
  {
    id: 'maintainability',
    label: 'Maintainability',
    questions: ['Can another engineer understand it?', 'What is the testing strategy?', 'How are changes deployed?'],
  },
];

export function checklistItem(id: ChecklistItemId): ChecklistItem {
  return RFC_CHECKLIST.find((i) => i.id === id)!;
}
