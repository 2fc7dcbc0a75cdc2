; 网报通's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include). electron-builder
; inserts the macros below at fixed points of its own script (templates/nsis in app-builder-lib); makensis runs
; with -WX, so a warning (an unused variable…) fails the build. Text the officer reads is Chinese.
;
; 1. Per-user only. Officers have no admin rights, so the "for me / for all users" page could only offer a choice
;    that fails: customInstallMode skips it and installs for the current user (HKCU, %LOCALAPPDATA%\Programs).
; 2. .wbbak files open with 网报通 (electron-builder.yml: fileAssociations); the verb's text is set in Chinese here.
; 3. An optional page after the folder page: "在 .zip 文件的右键菜单中加入“用网报通校验”", unticked unless an
;    earlier installation had it. .zip itself is never associated (its default program stays what it was); the
;    entry lives under SystemFileAssociations, which adds a verb to a type without owning it, and runs
;    `wangbao.exe --verify "<file>"`. The uninstaller removes it.

!define WB_ZIP_VERB_KEY "Software\Classes\SystemFileAssociations\.zip\shell\WangbaoVerify"
!define WB_BACKUP_PROGID "Wangbao.WorkspaceBackup"

!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
!macroend

!ifndef BUILD_UNINSTALLER
  ; "1" ticked, "0" unticked on the page; empty when the page was not shown (a silent install keeps what was there).
  Var wbZipVerify
  Var wbZipCheckbox

  !macro customPageAfterChangeDir
    !include nsDialogs.nsh
    Page custom wbOptionsShow wbOptionsLeave

    Function wbOptionsShow
      !insertmacro MUI_HEADER_TEXT "附加选项" "以下选项默认不勾选，需要时再勾选。"
      nsDialogs::Create 1018
      Pop $0
      ${NSD_CreateCheckbox} 0u 0u 100% 14u "在 .zip 文件的右键菜单中加入“用网报通校验”"
      Pop $wbZipCheckbox
      ${NSD_CreateLabel} 12u 18u 280u 48u "右键单击收到或导出的申报包（.zip），选择“用网报通校验”，即可检查它是否完整、未被改动。$\r$\n不会改变 .zip 文件的默认打开方式，卸载网报通时一并删除。"
      Pop $0
      ReadRegStr $0 HKCU "${WB_ZIP_VERB_KEY}" ""
      ${If} $0 != ""
      ${OrIf} $wbZipVerify == "1"
        ${NSD_Check} $wbZipCheckbox
      ${EndIf}
      nsDialogs::Show
    FunctionEnd

    Function wbOptionsLeave
      ${NSD_GetState} $wbZipCheckbox $0
      ${If} $0 == ${BST_CHECKED}
        StrCpy $wbZipVerify "1"
      ${Else}
        StrCpy $wbZipVerify "0"
      ${EndIf}
    FunctionEnd
  !macroend

  !macro customInstall
    ; electron-builder's own verb text for the association is English ("Open with …").
    WriteRegStr SHELL_CONTEXT "Software\Classes\${WB_BACKUP_PROGID}\shell\open" "" "用网报通打开"
    ${If} $wbZipVerify == "1"
      WriteRegStr HKCU "${WB_ZIP_VERB_KEY}" "" "用网报通校验"
      WriteRegStr HKCU "${WB_ZIP_VERB_KEY}" "Icon" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
      WriteRegStr HKCU "${WB_ZIP_VERB_KEY}" "MultiSelectModel" "Single"
      WriteRegStr HKCU "${WB_ZIP_VERB_KEY}\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --verify "%1"'
    ${ElseIf} $wbZipVerify == "0"
      DeleteRegKey HKCU "${WB_ZIP_VERB_KEY}"
    ${EndIf}
    ; SHCNE_ASSOCCHANGED: Explorer rereads the menus and icons.
    System::Call "shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)"
  !macroend
!endif

!macro customUnInstall
  ; An update runs the old uninstaller first: keep the entry then, the new installer decides.
  ${IfNot} ${isUpdated}
    DeleteRegKey HKCU "${WB_ZIP_VERB_KEY}"
  ${EndIf}
!macroend
