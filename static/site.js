// pathways: small enhancements only. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var status = document.getElementById("copy-status");
  var words = {
    copied: (status && status.getAttribute("data-copied")) || "Link copied.",
    failed: (status && status.getAttribute("data-failed")) || "Could not copy."
  };

  // Say it to screen readers (a polite live region) and show it beside the
  // control that was used, for two seconds.
  function announce(from, text) {
    var panel = from.closest(".share");
    var region = (panel && panel.querySelector(".share-status")) || status;
    if (region) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
    if (from.matches("a.anchor")) {
      var old = from.parentNode.querySelector(".anchor-note");
      if (old) { old.remove(); }
      var note = document.createElement("span");
      note.className = "anchor-note";
      note.setAttribute("aria-hidden", "true");
      note.textContent = text;
      from.insertAdjacentElement("afterend", note);
      window.setTimeout(function () { note.remove(); }, 2000);
    }
  }

  function copy(text, from) {
    if (!navigator.clipboard) { return false; }
    navigator.clipboard.writeText(text).then(function () {
      announce(from, words.copied);
    }, function () {
      announce(from, words.failed);
    });
    return true;
  }

  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href.split("#")[0] : location.href.split("#")[0];

  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-copy], [data-share], [data-print], a.anchor");
    if (!el) { return; }
    if (el.hasAttribute("data-print")) {
      window.print();
    } else if (el.hasAttribute("data-copy")) {
      copy(el.getAttribute("data-copy"), el);
    } else if (el.hasAttribute("data-share")) {
      navigator.share({ title: el.getAttribute("data-title") || document.title, url: el.getAttribute("data-share") }).catch(function () {});
    } else if (el.matches("a.anchor")) {
      var hash = el.getAttribute("href");
      if (copy(base + hash, el)) {
        history.replaceState(null, "", hash);
      }
    }
  });

  // The language switch keeps the section you are reading: both editions
  // give every heading the same id.
  document.querySelectorAll("a[data-keep-hash]").forEach(function (a) {
    a.addEventListener("click", function () {
      if (location.hash) { a.href = a.href.split("#")[0] + location.hash; }
    });
  });

  if (navigator.share) {
    document.querySelectorAll("[data-share]").forEach(function (b) { b.hidden = false; });
  }
})();
