using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Siget.Console;

/// <summary>MudBlazor's own texts (pager, pickers, grid menus) in Spanish; MudBlazor.Translations is not available here.</summary>
internal sealed class SpanishMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["MudAlert_Close"] = "Cerrar",
        ["MudChip_Close"] = "Quitar",
        ["MudDialog_Close"] = "Cerrar",
        ["MudSnackbar_Close"] = "Cerrar",
        ["MudInput_Clear"] = "Limpiar",
        ["MudInput_Increment"] = "Aumentar",
        ["MudInput_Decrement"] = "Disminuir",
        ["MudFormComponent_Required"] = "Obligatorio",
        ["MudSelect_SelectAll"] = "Seleccionar todo",
        ["MudNavGroup_ToggleExpand"] = "Expandir o contraer {0}",
        ["MudBreadcrumbs_Label"] = "Ruta de navegación",
        ["MudDataGridPager_RowsPerPage"] = "Filas por página:",
        ["MudDataGridPager_InfoFormat"] = "{first_item}-{last_item} de {all_items}",
        ["MudDataGridPager_AllItems"] = "Todas",
        ["MudDataGridPager_FirstPage"] = "Primera página",
        ["MudDataGridPager_PreviousPage"] = "Página anterior",
        ["MudDataGridPager_NextPage"] = "Página siguiente",
        ["MudDataGridPager_LastPage"] = "Última página",
        ["MudDataGrid_Loading"] = "Cargando…",
        ["MudDataGrid_Sort"] = "Ordenar",
        ["MudDataGrid_Unsort"] = "Quitar orden",
        ["MudDataGrid_Filter"] = "Filtrar",
        ["MudDataGrid_Clear"] = "Limpiar",
        ["MudDataGrid_Apply"] = "Aplicar",
        ["MudDataGrid_Cancel"] = "Cancelar",
        ["MudDataGrid_Save"] = "Guardar",
        ["MudDataGrid_Hide"] = "Ocultar",
        ["MudDataGrid_ShowAll"] = "Mostrar todo",
        ["MudDataGrid_HideAll"] = "Ocultar todo",
        ["MudDataGrid_Columns"] = "Columnas",
        ["MudDataGrid_Column"] = "Columna",
        ["MudDataGrid_RefreshData"] = "Actualizar",
        ["MudDataGrid_SelectAllRows"] = "Seleccionar todas las filas",
        ["MudDataGrid_SelectRow"] = "Seleccionar fila",
        ["MudTable_Loading"] = "Cargando…",
        ["MudTablePager_FirstPage"] = "Primera página",
        ["MudTablePager_PreviousPage"] = "Página anterior",
        ["MudTablePager_NextPage"] = "Página siguiente",
        ["MudTablePager_LastPage"] = "Última página",
        ["MudPagination_FirstPage"] = "Primera página",
        ["MudPagination_PreviousPage"] = "Página anterior",
        ["MudPagination_NextPage"] = "Página siguiente",
        ["MudPagination_LastPage"] = "Última página",
        ["MudPagination_CurrentPage"] = "Página actual {0}",
        ["MudPagination_PageIndex"] = "Página {0}",
        ["MudBaseDatePicker_NextMonth"] = "Mes siguiente {0}",
        ["MudBaseDatePicker_PrevMonth"] = "Mes anterior {0}",
        ["MudBaseDatePicker_NextYear"] = "Año siguiente {0}",
        ["MudBaseDatePicker_PrevYear"] = "Año anterior {0}",
        ["MudBaseDatePicker_Open"] = "Abrir calendario",
        ["MudTimePicker_Open"] = "Abrir selector de hora",
        ["MudDateRangePicker_Start"] = "Desde",
        ["MudDateRangePicker_End"] = "Hasta",
        ["MudFileUpload_Button"] = "Adjuntar archivos",
        ["MudFileUpload_DragAndDrop"] = "Arrastre archivos aquí",
    };

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text) ? new(key, text) : base[key];

    public override LocalizedString this[string key, params object[] arguments] =>
        Texts.TryGetValue(key, out var text) ? new(key, string.Format(text, arguments)) : base[key, arguments];
}
