import { diff3Merge } from 'node-diff3';
const o = ['a','b','c','d','e'];
console.log(JSON.stringify(diff3Merge(['a','B','c','d','e'], o, ['a','b','C','d','e'], {excludeFalseConflicts:true})));
console.log(JSON.stringify(diff3Merge(['a','B','c','d','e'], o, ['a','b','c','D','e'], {excludeFalseConflicts:true})));
console.log(JSON.stringify(diff3Merge(['a','B','c','d','e'], o, ['a','B','c','d','e'], {excludeFalseConflicts:true})));
console.log(JSON.stringify(diff3Merge(['a','B','c','d','e'], o, ['a','X','c','d','e'], {excludeFalseConflicts:true})));
console.log(JSON.stringify(diff3Merge(['a','b','c','d','e', 'f'], o, ['z', 'a','b','c','d','e'], {excludeFalseConflicts:true})));
