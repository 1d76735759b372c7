import { z } from 'zod';

export interface TemplateSection {
  heading: string;
  depth: 2 | 3;
  hint: string;
}

export const RFC_SECTIONS: readonly TemplateSection[] = [
  { heading: 'Summary', depth: 2, hint: 'One paragraph: what you propose and the outcome it brings.' },
  { heading: 'Motivation', depth: 2, hint: 'Why this is needed now, and what happens if we do nothing.' },
  { heading: 'Detailed Design', depth: 2, hint: 'How it works, in enough detail for a reviewer to find the holes.' },
  { heading: 'Architecture Overview', depth: 3, hint: 'The components, how they talk, and a diagram if one helps.' },
  { heading: 'API Design', depth: 3, hint: 'Endpoints, messages or interfaces, with an example request and response.' },
  { heading: 'Data Model', depth: 3, hint: 'Entities, schemas and how existing data migrates.' },
  { heading: 'Key Algorithms', depth: 3, hint: 'The non-obvious logic, with its complexity and edge cases.' },
  { heading: 'Alternatives Considered', depth: 2, hint: 'Other approaches and why this one wins, including doing nothing.' },
  { heading: 'Security Considerations', depth: 2, hint: 'Threat model, authentication and authorization, sensitive data.' },
  { heading: 'Privacy Considerations', depth: 2, hint: 'Personal data collected, retention, and who can see it.' },
  { heading: 'Operational Considerations', depth: 2, hint: 'Deployment, monitoring, alerts, on-call impact and cost.' },
  { heading: 'Rollout Plan', depth: 2, hint: 'Phases, feature flags, success criteria and how to roll back.' },
  { heading: 'Open Questions', depth: 2, hint: 'What is still undecided and who will decide it.' },
  { heading: 'Appendix', depth: 2, hint: 'References, benchmarks and supporting material.' },
];

export const RfcFieldsSchema = z.object({
  author: z.string().max(200).default(''),
  reviewers: z.array(z.string().min(1).max(200)).max(50).default([]),
});
export type RfcFields = z.infer<typeof RfcFieldsSchema>;

/** An optional part of the RFC template that a writer adds from the template menu. */
export interface TemplatePart {
  id: 'problem-statement' | 'success-metrics';
  label: string;
  /** Inserted before this top-level section (or at the end when it is missing). */
  before: string;
  sections: readonly TemplateSection[];
}

export const RFC_OPTIONAL_PARTS: readonly TemplatePart[] = [
  {
    id: 'problem-statement',
    label: 'Problem Statement',
    before: 'Summary',
    sections: [
      { heading: 'Problem Statement', depth: 2, hint: 'The problem before the solution: agree on it first.' },
      { heading: 'What Problem', depth: 3, hint: 'The problem in one or two sentences, without the solution in it.' },
      { heading: 'Who Has It', depth: 3, hint: 'The users, teams or systems that feel it, and how often.' },
      { heading: 'How They Solve It Today', depth: 3, hint: 'The workaround in use now and what it costs.' },
      { heading: 'Why Now', depth: 3, hint: 'What changed that makes this worth doing this quarter.' },
      { heading: 'What Success Looks Like', depth: 3, hint: 'The observable outcome when this is done.' },
      { heading: 'What We Are Not Building', depth: 3, hint: 'The tempting neighbours that stay out of scope.' },
    ],
  },
  {
    id: 'success-metrics',
    label: 'Success Metrics',
    before: 'Detailed Design',
    sections: [
      { heading: 'Success Metrics', depth: 2, hint: 'How we will know it worked, decided before building it.' },
      { heading: 'North Star Metric', depth: 3, hint: 'The one number that best captures the value delivered.' },
      { heading: 'Input Metrics', depth: 3, hint: 'The levers the team controls that should move the north star.' },
      { heading: 'Output Metrics', depth: 3, hint: 'The results we expect to see, with a target and a date.' },
      { heading: 'Guardrail Metrics', depth: 3, hint: 'What must not get worse (latency, error rate, cost) while we do it.' },
    ],
  },
];
