// The practice site works without this script. It only helps on the attachments page:
// it shows the chosen file's name, and says at once when a file is too big (the server
// checks again); a file that is too big is un-chosen, so "Next" still works afterwards.
// Nothing typed or chosen is sent anywhere else or stored.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form.upload-form");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[type=file]");
  var shown = document.getElementById("chosen-file");
  var tooBig = document.getElementById("attachment-too-big");
  var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);

  function fileTooBig() {
    var file = input.files && input.files[0];
    return Boolean(file && maxBytes && file.size > maxBytes);
  }

  function showChosen() {
    var file = input.files && input.files[0];
    shown.textContent = file ? file.name : shown.getAttribute("data-none");
  }

  input.addEventListener("change", function () {
    showChosen();
    tooBig.hidden = !fileTooBig();
  });

  form.addEventListener("submit", function (event) {
    if (fileTooBig()) {
      event.preventDefault();
      tooBig.hidden = false;
      input.value = "";
      showChosen();
    }
  });
});
