import { templateBody } from '../src/shared/kinds/templates';
console.log(JSON.stringify(templateBody('rfc')));
