// The SPARQL editor: YASGUI against this server's /sparql, stored queries as one-click examples.
(function () {
  "use strict";
  var examples = JSON.parse(document.getElementById("examples-data").textContent);
  var endpoint = new URL("/sparql", window.location.href).toString();
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,          // always start from this server's examples, not a stale session
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: ["variables"] }  // the others fetch prefix.cc / LOV: offline here
  });
  window.diplographYasgui = yasgui;
  var first = Object.keys(examples)[0];
  if (first && !yasgui.getTab().getQuery().trim().length) {
    yasgui.getTab().setQuery(examples[first]);
  }
  document.querySelectorAll("button.example").forEach(function (b) {
    b.addEventListener("click", function () {
      var tab = yasgui.getTab();
      tab.setQuery(examples[b.dataset.name]);
      tab.getYasqe().query();
    });
  });
})();
