// A local lint rule (docs/adr/0034): views load data through useQuery
// (src/renderer/api/useQuery.ts), never by calling the API client from an
// effect of their own, where a slow answer could overwrite a newer one.

const EFFECTS = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);

/** The name of a called hook: `useEffect(...)` or `React.useEffect(...)`. */
function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return null;
}

/** The function a local name stands for: `function f`, `const f = () => ...`, `const f = useCallback(() => ..., [])`. */
function functionOf(init) {
  if (!init) return null;
  if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') return init;
  if (init.type === 'CallExpression' && calleeName(init.callee) === 'useCallback') return functionOf(init.arguments[0]);
  return null;
}

/** Every call expression under `node`, nested functions included (a timer or a `.then` inside the effect runs for it). */
function callsUnder(node, keys) {
  const out = [];
  const walk = (n) => {
    if (!n || typeof n.type !== 'string') return;
    if (n.type === 'CallExpression') out.push(n);
    for (const k of keys[n.type] ?? []) {
      const child = n[k];
      if (Array.isArray(child)) child.forEach(walk);
      else walk(child);
    }
  };
  walk(node);
  return out;
}

/** @type {import('eslint').Rule.RuleModule} */
const noEffectFetch = {
  meta: {
    type: 'problem',
    docs: { description: 'Views load data through useQuery, not by calling the API client inside an effect.' },
    schema: [],
    messages: {
      direct: 'Load data through useQuery (src/renderer/api/useQuery.ts, ADR 0034), not by calling the API client inside {{hook}}: a slow answer could overwrite a newer one.',
      indirect:
        "Load data through useQuery (src/renderer/api/useQuery.ts, ADR 0034): {{hook}} runs '{{name}}', which calls the API client, so a slow answer could overwrite a newer one.",
    },
  },
  create(context) {
    const keys = context.sourceCode.visitorKeys;
    const client = new Set(); // local names of the client's `call`
    const functions = new Map(); // local name -> function node
    const effects = []; // [hook name, callback]
    return {
      ImportDeclaration(node) {
        if (!/(^|\/)api\/client$/.test(String(node.source.value))) return;
        for (const s of node.specifiers) {
          if (s.type === 'ImportSpecifier' && s.imported.name === 'call') client.add(s.local.name);
        }
      },
      FunctionDeclaration(node) {
        if (node.id) functions.set(node.id.name, node);
      },
      VariableDeclarator(node) {
        const fn = functionOf(node.init);
        if (fn && node.id.type === 'Identifier') functions.set(node.id.name, fn);
      },
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (name && EFFECTS.has(name) && node.arguments[0]) effects.push([name, node.arguments[0]]);
      },
      'Program:exit'() {
        if (client.size === 0) return;
        // Which local functions reach the client, directly or through other local functions.
        const fetching = new Set();
        let grew = true;
        while (grew) {
          grew = false;
          for (const [name, fn] of functions) {
            if (fetching.has(name)) continue;
            const reaches = callsUnder(fn.body, keys).some((c) => c.callee.type === 'Identifier' && (client.has(c.callee.name) || fetching.has(c.callee.name)));
            if (reaches) {
              fetching.add(name);
              grew = true;
            }
          }
        }
        for (const [hook, callback] of effects) {
          for (const c of callsUnder(callback, keys)) {
            if (c.callee.type !== 'Identifier') continue;
            if (client.has(c.callee.name)) context.report({ node: c, messageId: 'direct', data: { hook } });
            else if (fetching.has(c.callee.name)) context.report({ node: c, messageId: 'indirect', data: { hook, name: c.callee.name } });
          }
        }
      },
    };
  },
};

/** The plugin eslint.config.js registers as `designdesk`. */
export const designdeskPlugin = { rules: { 'no-effect-fetch': noEffectFetch } };
