// article-diff report: keys n/p (also j/k) for next/previous change, b to hide boilerplate.
(function () {
  "use strict";
  var body = document.body;
  var toggle = document.getElementById("hide-bp");
  var position = document.getElementById("position");
  var current = null;

  function changes() {
    var selector = body.classList.contains("hide-bp") ? ".row.change:not(.bp)" : ".row.change";
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  // "Change 2 of 7" while a change is selected, "7 changes" otherwise; the count follows the boilerplate toggle.
  function describe(list) {
    var index = current ? list.indexOf(current) : -1;
    position.textContent = index < 0 ? list.length + (list.length === 1 ? " change" : " changes") : "Change " + (index + 1) + " of " + list.length;
  }

  function show(row, list) {
    if (current) current.classList.remove("current");
    var oldLink = document.querySelector(".changes a.current");
    if (oldLink) oldLink.classList.remove("current");
    current = row;
    if (!row) { describe(list); return; }
    var fold = row.closest("details");
    if (fold) fold.open = true;
    row.classList.add("current");
    row.scrollIntoView({ block: "center" });
    row.focus({ preventScroll: true });
    var link = document.querySelector('.changes a[href="#' + row.id + '"]');
    if (link) { link.classList.add("current"); link.scrollIntoView({ block: "nearest" }); }
    describe(list);
    if (history.replaceState) history.replaceState(null, "", "#" + row.id);
  }

  function step(delta) {
    var list = changes();
    if (!list.length) { show(null, list); return; }
    var index = current ? list.indexOf(current) : -1;
    if (index < 0) {
      // Start from what is on screen: the first change below the top of the window.
      var top = 0;
      index = delta > 0 ? -1 : list.length;
      for (var i = 0; i < list.length; i++) {
        if (list[i].getBoundingClientRect().top > top + 80) { index = delta > 0 ? i - 1 : i; break; }
      }
    }
    var next = Math.min(list.length - 1, Math.max(0, index + delta));
    show(list[next], list);
  }

  function setHidden(hidden) {
    body.classList.toggle("hide-bp", hidden);
    if (toggle) toggle.checked = hidden;
    var list = changes();
    if (current && list.indexOf(current) < 0) show(null, list);
    else describe(list);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) {
      if (!(target === toggle)) return;
    }
    if (event.key === "n" || event.key === "j") { step(1); event.preventDefault(); }
    else if (event.key === "p" || event.key === "k") { step(-1); event.preventDefault(); }
    else if (event.key === "b") { setHidden(!body.classList.contains("hide-bp")); event.preventDefault(); }
  });

  document.getElementById("next").addEventListener("click", function () { step(1); });
  document.getElementById("prev").addEventListener("click", function () { step(-1); });
  if (toggle) toggle.addEventListener("change", function () { setHidden(toggle.checked); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".changes a");
    if (!link) return;
    var row = document.getElementById(link.getAttribute("href").slice(1));
    if (row) { event.preventDefault(); show(row, changes()); }
  });

  describe(changes());
})();
