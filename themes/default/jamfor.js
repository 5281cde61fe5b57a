// Side by side on a comparison page: the reader ticks two or three units and their answers
// are shown next to each other (in columns on a wide screen, one after the other on a narrow
// one); the others are hidden. The choice is kept in the address by unit id, as search takes
// them (?visa=enhet-a,enhet-b: the units' folder names), so it can be linked; an address
// from before, with the answers' ids (?visa=enhet-enhet-a), still works. Without this script the page shows every answer, one after the other.
(function () {
  'use strict';
  var form = document.querySelector('form.sida-vid-sida');
  var list = document.querySelector('.enhetssvar-lista');
  if (!form || !list) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="visa"]'));
  if (boxes.length < 2) return;
  var status = form.querySelector('.sida-vid-sida-status');
  var MAX = 3;

  function ticked() { return boxes.filter(function (b) { return b.checked; }); }
  function chosen() { return ticked().map(function (b) { return b.value; }); }
  function answers() { return ticked().map(function (b) { return b.getAttribute('data-svar'); }); }

  function show(keepAddress) {
    var ids = chosen();
    var on = ids.length >= 2;
    list.classList.toggle('sida-vid-sida-aktiv', on);
    list.style.setProperty('--kolumner', String(Math.max(ids.length, 1)));
    document.body.classList.toggle('bred', on);
    Array.prototype.forEach.call(list.querySelectorAll('article.enhetssvar'), function (a) {
      a.hidden = on && answers().indexOf(a.getAttribute('aria-labelledby')) < 0;
    });
    // At most three: a fourth column would be too narrow to read. The page's order is kept.
    boxes.forEach(function (b) { b.disabled = !b.checked && ids.length >= MAX; });
    // Off, the form's own hint says what to do: the status line does not say it a second time.
    status.textContent = on ? form.getAttribute('data-status-on').replace('#', String(ids.length)) : '';
    if (keepAddress) return;
    try {
      var url = new URL(window.location.href);
      if (on) url.searchParams.set('visa', ids.join(','));
      else url.searchParams.delete('visa');
      window.history.replaceState(null, '', url.toString());
    } catch (e) { /* some file:// pages refuse replaceState: the choice still shows */ }
  }

  var wanted = (new URLSearchParams(window.location.search).get('visa') || '').split(',');
  var count = 0;
  boxes.forEach(function (b) {
    var named = wanted.indexOf(b.value) >= 0 || wanted.indexOf(b.getAttribute('data-svar')) >= 0;
    if (named && count < MAX) { b.checked = true; count += 1; }
  });
  form.hidden = false;
  form.addEventListener('change', function () { show(false); });
  show(true);
})();
