// pathways: small enhancements only. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function announce(from, text) {
    var panel = from.closest(".share");
    var status = (panel && panel.querySelector(".share-status")) || document.getElementById("copy-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "copy-status";
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copy(text, from, what) {
    if (!navigator.clipboard) { return false; }
    navigator.clipboard.writeText(text).then(function () {
      announce(from, what + " copied to the clipboard.");
    }, function () {
      announce(from, "Could not copy. Select the link and copy it yourself.");
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
      copy(el.getAttribute("data-copy"), el, "Link");
    } else if (el.hasAttribute("data-share")) {
      navigator.share({ title: el.getAttribute("data-title") || document.title, url: el.getAttribute("data-share") }).catch(function () {});
    } else if (el.matches("a.anchor")) {
      var hash = el.getAttribute("href");
      if (copy(base + hash, el, "Link to this section")) {
        history.replaceState(null, "", hash);
      }
    }
  });

  if (navigator.share) {
    document.querySelectorAll("[data-share]").forEach(function (b) { b.hidden = false; });
  }
})();
