import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { startGitServer } from '/work/main/tests/support/gitServer';

const srv = await startGitServer({ auth: { username: 'u', password: 'p' } });
const url = srv.createRepo('team.git');
const gitdir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-')) + '/repo.git';
await git.init({ fs, gitdir, bare: true, defaultBranch: 'main' });
await git.addRemote({ fs, gitdir, remote: 'origin', url, force: true });
console.log('refs empty', await git.listServerRefs({ http, url, onAuth: () => ({ username: 'u', password: 'p' }), prefix: 'refs/heads/' }));
const onAuth = () => ({ username: 'u', password: 'p' });
try { await git.getRemoteInfo2({ http, url }); } catch (e: any) { console.log('noauth', e.code, e.message, e.data); }
const info = await git.getRemoteInfo2({ http, url, onAuth });
console.log('info empty', JSON.stringify(info));
try { const f = await git.fetch({ fs, http, gitdir, url, ref: 'main', singleBranch: true, onAuth, tags: false }); console.log('fetch empty', f); } catch (e: any) { console.log('fetch empty err', e.code, e.message); }
const blob = await git.writeBlob({ fs, gitdir, blob: Buffer.from('hello\n') });
const tree = await git.writeTree({ fs, gitdir, tree: [{ mode: '100644', path: 'b.txt', oid: blob, type: 'blob' }, { mode: '100644', path: 'a.txt', oid: blob, type: 'blob' }] });
const commit = await git.writeCommit({ fs, gitdir, commit: { message: 'x\n', tree, parent: [], author: { name: 'A', email: 'a@x', timestamp: 1, timezoneOffset: 0 }, committer: { name: 'A', email: 'a@x', timestamp: 1, timezoneOffset: 0 } } });
await git.writeRef({ fs, gitdir, ref: 'refs/heads/main', value: commit, force: true });
const p = await git.push({ fs, http, gitdir, url, ref: 'main', remoteRef: 'main', onAuth });
console.log('push', p);
const info2 = await git.getRemoteInfo2({ http, url, onAuth });
console.log('info', JSON.stringify(info2));
const gitdir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'x-')) + '/repo.git';
await git.init({ fs, gitdir: gitdir2, bare: true, defaultBranch: 'main' });
await git.addRemote({ fs, gitdir: gitdir2, remote: 'origin', url, force: true });
console.log('refs', await git.listServerRefs({ http, url, onAuth, prefix: 'refs/heads/' , symrefs: true}));
const f = await git.fetch({ fs, http, gitdir: gitdir2, url, ref: 'main', singleBranch: true, onAuth, tags: false });
console.log('fetch', f);
try { await git.fetch({ fs, http, gitdir: gitdir2, url, ref: 'nope', singleBranch: true, onAuth, tags: false }); } catch (e: any) { console.log('fetch missing branch', e.code, e.message); }
try { await git.getRemoteInfo2({ http, url: 'http://127.0.0.1:1/x.git' }); } catch (e: any) { console.log('refused', e.code, e.message); }
try { await git.getRemoteInfo2({ http, url: 'http://nonexistent.invalid/x.git' }); } catch (e: any) { console.log('dns', e.code, e.message); }
try { await git.getRemoteInfo2({ http, url: srv.baseUrl + '/missing.git', onAuth }); } catch (e: any) { console.log('404', e.code, e.message, e.data); }
try { await git.getRemoteInfo2({ http, url, onAuth: () => ({ username: 'u', password: 'bad' }), onAuthFailure: () => ({ cancel: true }) }); } catch (e: any) { console.log('bad', e.code, e.message, e.data); }
try { await git.getRemoteInfo2({ http, url, onAuth: () => ({ username: 'u', password: 'bad' }) }); } catch (e: any) { console.log('bad2', e.code, e.message, e.data); }
// stale push
const c2 = await git.writeCommit({ fs, gitdir, commit: { message: 'y\n', tree, parent: [], author: { name: 'A', email: 'a@x', timestamp: 2, timezoneOffset: 0 }, committer: { name: 'A', email: 'a@x', timestamp: 2, timezoneOffset: 0 } } });
await git.writeRef({ fs, gitdir, ref: 'refs/heads/main', value: c2, force: true });
try { await git.push({ fs, http, gitdir, url, ref: 'main', remoteRef: 'main', onAuth }); } catch (e: any) { console.log('stale', e.code, e.message, e.data); }
await srv.close();
