// A learning platform as far as SCORM 1.2 goes, for the e2e tests: the
// package's one SCO in an iframe, and scorm-again's SCORM 1.2 run-time as
// window.API, which the SCO finds by its search up the window's parents.
// What the SCO reports is kept in window.platform for the test to read,
// and in this origin's localStorage ("platform.cmi") so that a reload
// launches the SCO again with what the platform kept (its resume).
const record = () => JSON.parse(JSON.stringify(window.API.cmi));
const kept = JSON.parse(localStorage.getItem('platform.cmi') ?? 'null');

window.API = new window.Scorm12API({ autocommit: false, logLevel: 5 });
window.platform = { initialized: false, commits: 0, finished: false, cmi: null, launched: null };
if (kept) {
  const score = kept.core.score ? { score: kept.core.score } : {};
  // What the platform's administrator set for the course (its mastery score).
  const student = kept.student_data ? { student_data: kept.student_data } : {};
  // Who the learner is, and whether the platform resumes their attempt
  // (its default here) or starts a new one.
  const learner = kept.core.student_id ? { student_id: kept.core.student_id } : {};
  const entry = kept.core.entry ?? 'resume';
  // How the platform opened it: normal, or to preview (browse) or review.
  const mode = kept.core.lesson_mode ? { lesson_mode: kept.core.lesson_mode } : {};
  window.API.loadFromJSON({ suspend_data: kept.suspend_data, core: { lesson_status: kept.core.lesson_status, entry, ...score, ...learner, ...mode }, ...student });
}
// A platform that refuses to commit, while the test asks it to; and one
// whose commit, once, runs the course's own code (its pagehide listener)
// before it answers.
const commit = window.API.LMSCommit.bind(window.API);
window.API.LMSCommit = (arg) => {
  if (sessionStorage.getItem('platform.reenter')) {
    sessionStorage.removeItem('platform.reenter');
    document.getElementById('course').contentWindow.dispatchEvent(new Event('pagehide'));
  }
  return sessionStorage.getItem('platform.refuse') ? 'false' : commit(arg);
};
window.API.on('LMSInitialize', () => {
  window.platform.initialized = true;
});
window.API.on('LMSCommit', () => {
  window.platform.commits += 1;
  window.platform.cmi = record();
  localStorage.setItem('platform.cmi', JSON.stringify(window.platform.cmi));
});
window.API.on('LMSFinish', () => {
  window.platform.finished = true;
  window.platform.cmi = record();
});

const iframe = document.getElementById('course');
document.getElementById('close').addEventListener('click', () => iframe.remove());
// Launched as the manifest says: its SCO's href, inside the package.
const manifest = await (await fetch('course/imsmanifest.xml')).text();
const sco = new DOMParser().parseFromString(manifest, 'application/xml').querySelector('resource[adlcp\\:scormtype="sco"], resource');
window.platform.launched = `course/${sco.getAttribute('href')}`;
iframe.src = window.platform.launched;
