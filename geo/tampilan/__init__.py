"""From a dataset to one view: filter, aggregate, classify.

``keadaan`` is the view state (:class:`Keadaan`: the filter, level and unit, dates and
map settings) with the one parser of URL parameters and CLI flags; ``saring`` filters;
``agregat`` sums per unit; ``susun`` builds the View (:class:`Tampilan`,
``tampilkan(dataset, keadaan)``) every figure and file comes from; ``rincian`` and
``kegiatan`` the detail panel's figures and a unit's activities up to a date; ``kelas`` and ``metrik`` give the
choropleth's classes and metrics; ``waktu`` derives status at a date from the
activity log, ``banding`` the dormancy, the change between two dates and the
timeline, ``kelas_waktu`` the diverging classes and dated legend titles;
``tingkat`` the levels and the drill-down, ``indeks`` the per-dataset indexes
(sorted codes, each unit's parent row) that keep a national rerun cheap;
``grafik`` the chart specs (titled by the level they group), ``kalimat`` the
sentences built from the figures they state.
"""

__all__ = ["agregat", "banding", "grafik", "indeks", "kalimat", "keadaan", "kegiatan", "kelas", "kelas_waktu", "metrik", "rincian",
           "saring", "susun", "tingkat", "waktu"]
