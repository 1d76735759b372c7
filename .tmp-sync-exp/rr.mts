import { rewriteRefs } from '../src/shared/sync/numbering';
const m = new Map([['rfc-2', 3], ['rfc-3', 4]]);
console.log(rewriteRefs('RFC-2 and RFC-3 `RFC-2` x\n```\nRFC-2\n```\nRFC-2.', m));
