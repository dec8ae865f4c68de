(function () {
  // Column lists are filled from JSON by script, as on the real site's web app.
  var params = new URLSearchParams(location.search);
  var page = parseInt(params.get('page') || '1', 10);
  var column = document.body.getAttribute('data-column');
  fetch('/api/column/' + column + '/' + page + '.json')
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var ul = document.querySelector('ul.news-list');
      data.items.forEach(function (it) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '/content/' + it.id; a.target = '_blank'; a.textContent = it.title;
        var time = document.createElement('span');
        time.className = 'time'; time.textContent = it.time;
        li.appendChild(a); li.appendChild(time); ul.appendChild(li);
      });
      var pager = document.querySelector('.pager');
      if (page > 1) { var p = document.createElement('a'); p.className = 'prev'; p.href = '/column/' + column + '?page=' + (page - 1); p.textContent = '上一页'; pager.appendChild(p); }
      if (page < data.pages) { var n = document.createElement('a'); n.className = 'next'; n.href = '/column/' + column + '?page=' + (page + 1); n.textContent = '下一页'; pager.appendChild(n); }
    });
})();
