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
      copy(chosen(el.getAttribute("data-copy")), el);
    } else if (el.hasAttribute("data-share")) {
      navigator.share({ title: el.getAttribute("data-title") || document.title, url: chosen(el.getAttribute("data-share")) }).catch(function () {});
    } else if (el.matches("a.anchor")) {
      var hash = el.getAttribute("href");
      if (copy(base + hash, el)) {
        history.replaceState(null, "", hash);
        showChosen();
      }
    }
  });

  // The share panel shares the section the reader chose (the heading in
  // the address), not only the page: its link, copy, email and text message.
  function chosen(url) {
    var hash = location.hash;
    if (!hash || url.indexOf("#") >= 0 || !document.getElementById(decodeURIComponent(hash.slice(1)))) { return url; }
    return url + hash;
  }
  var shared = document.querySelectorAll(".share input[readonly], .share a[href^='mailto:'], .share a[href^='sms:']");
  shared.forEach(function (el) { el.setAttribute("data-plain", el.value || el.getAttribute("href")); });
  // As the server encodes (every character but letters and digits).
  function enc(text) {
    return encodeURIComponent(text).replace(/[-_.!~*'()]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }
  function showChosen() {
    shared.forEach(function (el) {
      var plain = el.getAttribute("data-plain");
      if (el.matches("input")) { el.value = chosen(plain); return; }
      var url = document.querySelector(".share input[readonly]");
      var page = url ? url.getAttribute("data-plain") : "";
      if (!page) { return; }
      el.setAttribute("href", plain.split(enc(page)).join(enc(chosen(page))));
    });
  }
  showChosen();
  window.addEventListener("hashchange", showChosen);

  // The language switch keeps the section you are reading: both editions
  // give every heading the same id.
  // Set when the page opens, when the hash changes and on the click itself
  // (an anchor's copy changes the hash without a hashchange event), so a
  // middle click or "open in new tab" keeps it too.
  var switches = document.querySelectorAll("a[data-keep-hash]");
  function keepHash() {
    switches.forEach(function (a) { a.href = a.href.split("#")[0] + location.hash; });
  }
  keepHash();
  window.addEventListener("hashchange", keepHash);
  switches.forEach(function (a) {
    a.addEventListener("click", keepHash);
    a.addEventListener("mousedown", keepHash);
  });

  if (navigator.share) {
    document.querySelectorAll("[data-share]").forEach(function (b) { b.hidden = false; });
  }
})();
