// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  function cookie(name) {
    const match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  // htmx requests carry the CSRF token from the cookie, so no page has to
  // embed a per-visitor token outside its forms (pages stay cacheable).
  document.addEventListener("htmx:configRequest", function (event) {
    const token = cookie("csrftoken") ||
      (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value;
    if (token) event.detail.headers["X-CSRFToken"] = token;
  });

  // Fill hidden time-zone fields (sign-up, settings) from the browser.
  document.addEventListener("DOMContentLoaded", function () {
    let zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    document.querySelectorAll("input[type=hidden][name=timezone]").forEach(function (input) {
      if (!input.value) input.value = zone;
    });
    document.querySelectorAll("[data-suggest-timezone]").forEach(function (select) {
      if (zone && select.dataset.suggestTimezone === "UTC" && select.value === "UTC") {
        const option = select.querySelector('option[value="' + zone + '"]');
        if (option) option.dataset.suggested = "true";
      }
    });
  });

  // Forms marked data-confirm ask once more before something destructive,
  // on top of the server-side confirmation page.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  // Quick exit on the help pages: leave for a neutral page and put it in this page's
  // place in the history, so the back button does not lead here. Without this script
  // the link still leaves, as a plain link.
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a[data-quick-exit]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    window.location.replace(link.href);
  });

  // Warn before leaving a page whose form has unsaved changes.
  let dirty = null;
  document.addEventListener("input", function (event) {
    const form = event.target.closest("form[data-warn-unsaved]");
    if (form) dirty = form;
  });
  document.addEventListener("submit", function (event) {
    if (event.target === dirty) dirty = null;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (dirty && (event.detail.elt === dirty || dirty.contains(event.detail.elt)) && event.detail.successful) {
      dirty = null;
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && document.body.contains(dirty)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
